package org.detainerlab.api.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.CuratedFixtures;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.core.caserecord.CaseRecordService;
import org.detainerlab.core.claim.ClaimService;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ImportKeys;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.curation.CuratedItems.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every import of curated items, of each of the four kinds, checks all its entries before it writes any: one bad
 * entry and nothing of the import is written, not even the entries before it.
 */
@QuarkusTest
class CuratedImportTest {

    private static String alice;
    private static String carol;

    @Inject
    CaseRecordService caseRecords;
    @Inject
    ClaimService claims;
    @Inject
    EntityManager entities;

    @BeforeAll
    static void login() {
        alice = Tokens.accessToken("alice");
        carol = Tokens.accessToken("carol");
    }

    @Test
    void aPolicyImportWithOneBadEntryWritesNothing() {
        Map<String, Object> good = CuratedFixtures.policy();
        Map<String, Object> bad = CuratedFixtures.policy();
        bad.put("kind", "DECREE");
        given().auth().oauth2(carol).contentType(ContentType.JSON).body(Map.of("policies", List.of(good, bad)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("policies[1].kind"));
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + good.get("key")).then().statusCode(404);
    }

    @Test
    void aRulingImportWithOneBadEntryWritesNothingNotEvenThePoliciesOfTheFile() {
        Map<String, Object> policy = CuratedFixtures.policy();
        Map<String, Object> good = CuratedFixtures.ruling();
        good.put("policies", List.of(policy.get("key")));
        Map<String, Object> bad = CuratedFixtures.ruling();
        bad.remove("caseName");
        given().auth().oauth2(carol).contentType(ContentType.JSON)
                .body(Map.of("policies", List.of(policy), "rulings", List.of(good, bad)))
                .when().post("/api/v1/curation/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("rulings[1].caseName"));
        given().auth().oauth2(alice).when().get("/api/v1/rulings/" + good.get("key")).then().statusCode(404);
        given().auth().oauth2(alice).when().get("/api/v1/policies/" + policy.get("key")).then().statusCode(404);
    }

    @Test
    void aCaseRecordImportWithOneBadEntryWritesNothing() {
        Seeds seeds = new Seeds("curation/case-records-one-bad.json", "records", "record", "case_record_import");
        assertThatThrownBy(() -> caseRecords.importSeeds(seeds)).isInstanceOfSatisfying(
                ValidationFailedException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("records[1].title"));
        assertThat(caseRecords.search("Seed import test", null, null, null, null, 0, 10).items()).isEmpty();
        assertThat(claimed("case_record_import", "import-test-good-record")).isFalse();
    }

    @Test
    void aClaimImportWithOneBadEntryWritesNothing() {
        Seeds seeds = new Seeds("curation/claims-one-bad.json", "claims", "claim", "claim_import");
        assertThatThrownBy(() -> claims.importSeeds(seeds)).isInstanceOfSatisfying(
                ValidationFailedException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("claims[1].notCheckableReason"));
        assertThat(claims.search("Seed import test", 0, 10).items()).isEmpty();
        assertThat(claimed("claim_import", "import-test-good-claim")).isFalse();
    }

    private boolean claimed(String table, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportKeys.claimed(entities, table, key));
    }
}
