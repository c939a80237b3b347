package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds annotations through the API: request bodies and created annotations. */
public final class Annotations {

    private Annotations() {
    }

    /** A body annotating the first occurrence of {@code exact} in {@code narrative}. */
    public static Map<String, Object> onPassage(long caseId, String narrative, String exact, String body,
                                                String visibility, String team, List<String> tags) {
        int start = narrative.indexOf(exact);
        if (start < 0) {
            throw new IllegalArgumentException("'" + exact + "' is not in the narrative");
        }
        Map<String, Object> target = Map.of("kind", "CASE_PASSAGE", "ref", String.valueOf(caseId),
                "quote", Map.of("exact", exact), "position", Map.of("start", start, "end", start + exact.length()));
        Map<String, Object> annotation = new HashMap<>();
        annotation.put("target", target);
        annotation.put("body", body);
        annotation.put("visibility", visibility);
        annotation.put("tags", tags);
        if (team != null) {
            annotation.put("team", team);
        }
        return annotation;
    }

    public static Map<String, Object> reply(long parentId, String body) {
        return Map.of("parentId", parentId, "body", body);
    }

    /** Posts {@code annotation} and returns the created annotation. */
    public static JsonPath create(String token, Map<String, Object> annotation) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(annotation)
                .when().post("/api/v1/annotations")
                .then().statusCode(201).extract().jsonPath();
    }
}
