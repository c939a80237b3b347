package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds case records through the API as a curator: a valid body to start from, and a created record. */
public final class CaseRecords {

    public record Created(long id, String etag, String title) {
    }

    private CaseRecords() {
    }

    /** A complete, valid case record body whose title is unique to this call. */
    public static Map<String, Object> body(String narrative) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Test case " + UUID.randomUUID());
        body.put("narrative", narrative);
        body.put("jurisdictions", List.of("TX"));
        body.put("facilityName", "HARRIS COUNTY JAIL");
        body.put("subject", List.of(Map.of("kind", "AGE", "value", "41", "source", "report",
                "passage", "a 41-year-old man")));
        body.put("sourceFraming", Map.of("quote", "a dangerous offender was let go", "source", "report"));
        body.put("events", List.of(
                Map.of("key", "arrest", "type", "ARREST", "date", "2021-03-14", "precision", "DAY", "source", "report"),
                Map.of("key", "declined", "type", "DETAINER_DECLINED", "date", "2021-03-20", "precision", "MONTH",
                        "source", "report")));
        body.put("sources", List.of(Map.of("key", "report", "citation", "Test report, 2021",
                "url", "https://example.org/report", "quote", "a dangerous offender was let go")));
        return body;
    }

    public static Created create(String curatorToken, String narrative) {
        Map<String, Object> body = body(narrative);
        var response = given().auth().oauth2(curatorToken).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-records")
                .then().statusCode(201).extract();
        return new Created(response.jsonPath().getLong("id"), response.header("ETag"), (String) body.get("title"));
    }
}
