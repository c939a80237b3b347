package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Uploads a release file through the API as an admin and waits for its ingest job to end. */
public final class Jobs {

    private Jobs() {
    }

    /** Posts {@code file} with the given form fields and returns the job id. */
    public static long upload(String adminToken, File file, Map<String, String> fields) {
        var request = given().auth().oauth2(adminToken).multiPart("file", file);
        fields.forEach(request::multiPart);
        return request.when().post("/api/v1/releases")
                .then().statusCode(202)
                .extract().jsonPath().getLong("id");
    }

    /** Uploads {@code file} as the admin dave, waits for its job and returns the loaded release's id. */
    public static long loadRelease(File file, String title) {
        String admin = Tokens.accessToken("dave");
        JsonPath job = await(admin, upload(admin, file, Map.of("title", title)));
        if (!job.getString("status").equals("SUCCEEDED")) {
            throw new AssertionError("loading " + file + " failed: " + job.getString("message"));
        }
        return job.getLong("releaseId");
    }

    /** The job once it has SUCCEEDED or FAILED. */
    public static JsonPath await(String adminToken, long jobId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().auth().oauth2(adminToken).get("/api/v1/jobs/" + jobId)
                    .then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not end within 2 minutes");
    }
}
