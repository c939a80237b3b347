package org.detainerlab.api.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.api.testing.Jobs;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 287(g) lists loaded through the admin upload appear as AGREEMENT_287G policies of their agencies. */
@QuarkusTest
class AgreementPoliciesTest {

    private static final String HEADER = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA,ADDENDUM";

    private static String admin;
    private static String alice;

    @TempDir
    Path dir;

    @BeforeAll
    static void login() {
        admin = Tokens.accessToken("dave");
        alice = Tokens.accessToken("alice");
    }

    private Path list(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    private static void load(Path file, String title) {
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, file.toFile(), Map.of("title", title)));
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("SUCCEEDED");
    }

    private static JsonPath agencies(String q) {
        return given().auth().oauth2(alice).queryParam("kind", "AGENCY").queryParam("q", q)
                .when().get("/api/v1/jurisdictions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachParticipatingAgreementBecomesAPolicyOfItsAgencyUnderItsCountyOrState() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sheriff = "Sheriff " + tag + " Office";
        String police = "Police " + tag + " Department";
        load(list("first-" + tag + ".csv",
                "ALABAMA," + sheriff + ",County,Autauga County,Jail Enforcement Model,2025-09-22,"
                        + "https://www.ice.gov/doclib/287gMOA/test-" + tag + ".pdf,",
                "TEXAS," + police + ",Municipality,Nowhere County,Task Force Model,3/1/2025,,"), "First list " + tag);

        JsonPath found = agencies(tag);
        assertThat(found.getList("name", String.class)).containsExactlyInAnyOrder(sheriff, police);
        String sheriffCode = found.getString("find { it.name == '" + sheriff + "' }.code");
        assertThat(found.getString("find { it.name == '" + sheriff + "' }.parentCode")).isEqualTo("01001");
        assertThat(found.getString("find { it.name == '" + police + "' }.parentCode"))
                .as("a county that names none of the state's counties leaves the agency under the state").isEqualTo("TX");

        String key = "287g-al-sheriff-" + tag + "-office-jail-enforcement";
        given().auth().oauth2(alice).queryParam("jurisdiction", sheriffCode)
                .when().get("/api/v1/policies")
                .then().statusCode(200)
                .body("key", contains(key))
                .body("[0].kind", equalTo("AGREEMENT_287G"))
                .body("[0].verification.status", equalTo("UNVERIFIED"))
                .body("[0].events.type", contains("SIGNED"))
                .body("[0].events[0].date", equalTo("2025-09-22"))
                .body("[0].sources[0].citation", containsString("\"First list " + tag + "\", first-" + tag
                        + ".csv, sheet csv, row 2"))
                .body("[0].sources[0].url", equalTo("https://www.ice.gov/doclib/287gMOA/test-" + tag + ".pdf"))
                .body("[0].provisions.provision", contains("DELEGATED_JAIL_ENFORCEMENT"))
                .body("[0].provisions[0].sources.url", hasItems("https://www.ice.gov/identify-and-arrest/287g",
                        "https://www.ice.gov/doclib/287gMOA/test-" + tag + ".pdf"))
                .body("[0].provisions[0].verification.status", equalTo("UNVERIFIED"));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + key + "/history")
                .then().statusCode(200).body("action", contains("IMPORT")).body("actor", contains("ingest"));
        given().auth().oauth2(alice).when().get("/api/v1/jurisdictions/" + sheriffCode + "/timeline")
                .then().statusCode(200)
                .body("includes", contains(sheriffCode, "01001", "AL", "US"))
                .body("entries.key", hasItems(key, "us-ice-policy-10074-2"));

        load(list("second-" + tag + ".csv",
                "ALABAMA," + sheriff + ",County,Autauga County,Jail Enforcement Model,2020-01-15,,"), "Second list " + tag);
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + key)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("provisions.provision", contains("DELEGATED_JAIL_ENFORCEMENT"))
                .body("events[0].date", equalTo("2020-01-15"))
                .body("sources.citation", contains(containsString("first-" + tag + ".csv"),
                        containsString("second-" + tag + ".csv")));
        assertThat(agencies(tag).getList("code")).hasSize(2);
    }

    @Test
    void theDecember2025ParticipatingListCitesEveryRowInExactlyOnePolicy() {
        Path file = RealData.file("287g/participatingAgencies12312025am.xlsx");
        load(file, "ICE 287(g) participating agencies 2025-12-31");

        List<Map<String, Object>> policies = given().auth().oauth2(alice).when().get("/api/v1/policies")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.kind == 'AGREEMENT_287G' }");
        long rowsCited = 0;
        long policiesFromThisList = 0;
        for (Map<String, Object> policy : policies) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sources = (List<Map<String, Object>>) policy.get("sources");
            long fromThisList = sources.stream()
                    .filter(s -> ((String) s.get("citation")).contains("participatingAgencies12312025am.xlsx")).count();
            rowsCited += fromThisList;
            policiesFromThisList += fromThisList > 0 ? 1 : 0;
            if (fromThisList > 0) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> provisions = (List<Map<String, Object>>) policy.get("provisions");
                assertThat(provisions).as("the provision implied by the model of " + policy.get("key"))
                        .extracting(p -> (String) p.get("provision")).singleElement().asString()
                        .matches("DELEGATED_(JAIL_ENFORCEMENT|FIELD_ENFORCEMENT|WARRANT_SERVICE)");
            }
        }
        assertThat(rowsCited).as("every participating row is a source of one policy").isEqualTo(1_274);
        assertThat(policiesFromThisList).isBetween(1_000L, 1_274L);
        List<String> parents = given().auth().oauth2(alice).queryParam("kind", "AGENCY")
                .when().get("/api/v1/jurisdictions").then().statusCode(200).extract().path("parentCode");
        long underCounties = parents.stream().filter(p -> p.matches("\\d{5}")).count();
        assertThat(underCounties).as("most agencies resolve to a county of the new county seed")
                .isGreaterThan(parents.size() / 2);
    }
}
