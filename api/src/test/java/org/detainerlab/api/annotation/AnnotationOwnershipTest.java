package org.detainerlab.api.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.detainerlab.api.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An annotation belongs to its author's account (the token's subject), not to a username. A rename is played in the
 * database (the row's username becomes another one), since the realm's demo users cannot be renamed through
 * their tokens; a legacy row without a subject follows the backfill rule of migration 0100.
 */
@QuarkusTest
class AnnotationOwnershipTest {

    @Inject
    AgroalDataSource database;

    private final String alice = Tokens.accessToken("alice");
    private final String bob = Tokens.accessToken("bob");

    private long privateNoteOfAlice(String body) {
        return given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("target", Map.of("kind", "POLICY", "ref", "ca-sb54-2017"), "body", body,
                        "visibility", "PRIVATE"))
                .when().post("/api/v1/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aRenamedAuthorKeepsTheirAnnotationAndTheAccountNowBearingTheOldNameDoesNotGetIt() throws SQLException {
        long id = privateNoteOfAlice("mine whatever my name");
        assertThat(query("select author_subject from annotation where id = ?", id)).as("the subject is recorded")
                .isNotBlank();
        // alice's account was called "bob" when she wrote it; the account called bob today is someone else.
        update("update annotation set author = 'bob' where id = ?", id);
        String path = "/api/v1/annotations/" + id;

        given().auth().oauth2(bob).when().get(path).then().statusCode(404);
        given().auth().oauth2(bob).header("If-Match", "\"annotation-" + id + "-v1\"").when().delete(path)
                .then().statusCode(404);
        given().auth().oauth2(alice).when().get(path).then().statusCode(200).body("author", equalTo("bob"));
        given().auth().oauth2(alice).header("If-Match", "\"annotation-" + id + "-v1\"").contentType(ContentType.JSON)
                .body(Map.of("body", "still mine", "tags", List.of())).when().put(path).then().statusCode(200)
                .body("body", equalTo("still mine"));
    }

    @Test
    void anAnnotationFromBeforeSubjectsGoesByUsernameUntilItsAuthorsFirstChangeRecordsTheirSubject()
            throws SQLException {
        long id = privateNoteOfAlice("written before subjects were recorded");
        String subject = query("select author_subject from annotation where id = ?", id);
        update("update annotation set author_subject = null where id = ?", id);
        String path = "/api/v1/annotations/" + id;

        given().auth().oauth2(bob).when().get(path).then().statusCode(404);
        given().auth().oauth2(alice).when().get(path).then().statusCode(200);
        given().auth().oauth2(alice).header("If-Match", "\"annotation-" + id + "-v1\"").contentType(ContentType.JSON)
                .body(Map.of("body", "edited by its author", "tags", List.of())).when().put(path).then().statusCode(200);
        assertThat(query("select author_subject from annotation where id = ?", id))
                .as("the author's first change records their subject").isEqualTo(subject);

        update("update annotation set author = 'bob' where id = ?", id);
        given().auth().oauth2(bob).when().get(path).then().statusCode(404);
        given().auth().oauth2(alice).when().get(path).then().statusCode(200);
    }

    private String query(String sql, long id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private void update(String sql, long id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
