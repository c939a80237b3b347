package org.detainerlab.api.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies for curated policies and rulings. Each is attached to Autauga County, AL (01001), which no seed
 * entry uses, so that tests never change what the seed's timelines and in-force answers contain.
 */
public final class CuratedFixtures {

    public static final String TEST_COUNTY = "01001";

    private CuratedFixtures() {
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> source(String citation) {
        return Map.of("citation", citation, "url", "https://example.org/" + citation.replace(' ', '-'));
    }

    public static Map<String, Object> event(String type, String date) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", type);
        event.put("date", date);
        event.put("sources", List.of(source("Minutes " + date)));
        return event;
    }

    /** A valid ordinance, signed 2019-03-01 and effective 2019-04-01, with mutable maps for tests to vary. */
    public static Map<String, Object> policy(String key) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("key", key);
        policy.put("title", "Test ordinance " + key);
        policy.put("kind", "ORDINANCE");
        policy.put("jurisdictions", List.of(TEST_COUNTY));
        policy.put("provisions", List.of("DECLINES_DETAINER_HOLDS"));
        policy.put("sources", List.of(source("Test County Code 1-1")));
        policy.put("events", new ArrayList<>(List.of(event("SIGNED", "2019-03-01"), event("EFFECTIVE", "2019-04-01"))));
        return policy;
    }

    public static Map<String, Object> policy() {
        return policy(uniqueKey("test-policy"));
    }

    public static Map<String, Object> ruling(String key) {
        Map<String, Object> ruling = new HashMap<>();
        ruling.put("key", key);
        ruling.put("court", "ca9");
        ruling.put("caseName", "Doe v. Test County");
        ruling.put("citation", "1 F.4th 1");
        ruling.put("decidedOn", "2020-05");
        ruling.put("disposition", "Affirmed");
        ruling.put("holding", "A test holding.");
        ruling.put("jurisdictions", List.of(TEST_COUNTY));
        ruling.put("sources", List.of(source("Doe v. Test County, 1 F.4th 1")));
        return ruling;
    }

    public static Map<String, Object> ruling() {
        return ruling(uniqueKey("test-ruling"));
    }

    /** Posts a curated item as the given user and checks it was created (201). */
    public static Response created(String token, String path, Map<String, Object> item) {
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(item).when().post(path);
        created.then().statusCode(201);
        return created;
    }
}
