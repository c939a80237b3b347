package org.detainerlab.api.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.detainerlab.api.testing.KeycloakResource;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The application's own PostgreSQL is stopped under it: every endpoint that needs the database answers 503
 * problem+json with Retry-After, promptly and without internals; once PostgreSQL is back, the same requests succeed
 * without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Where the test finds the switch for its database; JDK types only, as the resource runs in another loader. */
    private static final String SWITCH = "detainerlab.test.outage-database";

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableDatabase.class), new TestResourceEntry(KeycloakResource.class));
        }
    }

    /** A PostgreSQL with a kept data folder, so that it can be stopped and started again on the same port. */
    public static class StoppableDatabase implements QuarkusTestResourceLifecycleManager {
        private PostgresServer server;

        @Override
        public Map<String, String> start() {
            Path dir;
            try {
                dir = Files.createTempDirectory("detainerlab-outage-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int port = FreePort.find();
            server = PostgresServer.start(dir, port);
            AutoCloseable[] running = {server};
            System.getProperties().put(SWITCH, (Supplier<Runnable>) () -> {
                try {
                    running[0].close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return () -> running[0] = PostgresServer.start(dir, port);
            });
            return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(),
                    "quarkus.datasource.username", PostgresServer.USER,
                    "quarkus.datasource.password", "");
        }

        @Override
        public void stop() {
            System.getProperties().remove(SWITCH);
            server.close();
        }
    }

    @Test
    void everyEndpointAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() {
        String admin = Tokens.accessToken("dave");
        given().auth().oauth2(admin).get("/api/v1/releases").then().statusCode(200);

        @SuppressWarnings("unchecked")
        Runnable startAgain = ((Supplier<Runnable>) System.getProperties().get(SWITCH)).get();
        try {
            for (String path : List.of("/api/v1/releases", "/api/v1/stats/detainers?groupBy=state",
                    "/api/v1/detainers?limit=5", "/api/v1/policies", "/api/v1/annotations", "/api/v1/case-records",
                    "/api/v1/claims", "/api/v1/jobs")) {
                assertUnavailable(path, given().auth().oauth2(admin).get(path));
            }
            assertUnavailable("POST /api/v1/annotations", given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("target", Map.of("kind", "POLICY", "ref", "ca-sb54-2017"), "body", "a note",
                            "visibility", "RESEARCHERS"))
                    .post("/api/v1/annotations"));
        } finally {
            startAgain.run();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status;
        do {
            status = given().auth().oauth2(admin).get("/api/v1/releases").statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).as("the application answers again once PostgreSQL is back").isEqualTo(200);
        given().auth().oauth2(admin).get("/api/v1/policies").then().statusCode(200);
    }

    private static void assertUnavailable(String what, Response answer) {
        assertThat(answer.statusCode()).as(what).isEqualTo(503);
        assertThat(answer.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.header("Retry-After")).as(what).isNotBlank();
        assertThat(answer.time()).as(what + " answers promptly (ms)").isLessThan(4_000);
        assertThat(answer.asString()).as(what).contains("database-unavailable").doesNotContain("Exception")
                .doesNotContain("org.");
    }
}
