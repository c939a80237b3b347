package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Builds claims through the API as a curator: a body with a source, a count query, and a created claim. */
public final class Claims {

    private Claims() {
    }

    public static Map<String, Object> claim(String text, Object claimedValue, Map<String, Object> query) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("source", Map.of("publisher", "Test Gazette", "title", "Numbers", "published", "2025-03",
                "url", "https://example.org/numbers", "quoted", "a spokesperson"));
        body.put("claimedValue", claimedValue);
        body.put("query", query);
        return body;
    }

    /** The number of detainers prepared from {@code from} to {@code to}, within {@code absolute} of the claim. */
    public static Map<String, Object> countQuery(LocalDate from, LocalDate to, double absolute) {
        Map<String, Object> query = new HashMap<>();
        query.put("measure", "count");
        query.put("from", from.toString());
        query.put("to", to.toString());
        query.put("tolerance", Map.of("absolute", absolute));
        return query;
    }

    /** Creates the claim as the curator and returns its id. */
    public static long create(String curatorToken, Map<String, Object> body) {
        return given().auth().oauth2(curatorToken).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/claims").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
