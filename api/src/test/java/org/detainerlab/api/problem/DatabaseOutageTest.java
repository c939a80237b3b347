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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.detainerlab.api.testing.KeycloakResource;
import org.detainerlab.api.testing.Tokens;
import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The application's own PostgreSQL is stopped under it: every endpoint that needs the database answers 503
 * problem+json with Retry-After within the pool's 2 s wait and without internals, the ingest worker warns once
 * rather than at every poll, and once PostgreSQL is back the same requests succeed without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Stops and starts this test's PostgreSQL; set by {@link StoppableDatabase#inject}. */
    Supplier<Runnable> stopDatabase;

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

    /**
     * A PostgreSQL of this test's own, with a kept data folder, so that it can be stopped and started again on the
     * same port. The test reaches it through a field of a JDK type, since the resource and the test instance may
     * come from different class loaders.
     */
    public static class StoppableDatabase implements QuarkusTestResourceLifecycleManager {
        private Path dir;
        private int port;
        private PostgresServer server;

        @Override
        public synchronized Map<String, String> start() {
            try {
                dir = Files.createTempDirectory("detainerlab-outage-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            port = FreePort.find();
            server = PostgresServer.start(dir, port);
            return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(),
                    "quarkus.datasource.username", PostgresServer.USER,
                    "quarkus.datasource.password", "");
        }

        @Override
        public void inject(TestInjector injector) {
            Supplier<Runnable> stop = () -> {
                synchronized (this) {
                    server.close();
                    server = null;
                }
                return () -> {
                    synchronized (this) {
                        server = PostgresServer.start(dir, port);
                    }
                };
            };
            injector.injectIntoFields(stop, field -> field.getName().equals("stopDatabase"));
        }

        @Override
        public synchronized void stop() {
            if (server != null) {
                server.close();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("Could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    @Test
    void everyEndpointAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws InterruptedException {
        String admin = Tokens.accessToken("dave");
        List<String> paths = List.of("/api/v1/releases", "/api/v1/stats/detainers?groupBy=state",
                "/api/v1/detainers?limit=5", "/api/v1/policies", "/api/v1/annotations", "/api/v1/case-records",
                "/api/v1/claims", "/api/v1/jobs");
        for (String path : paths) {
            assertThat(given().auth().oauth2(admin).get(path).statusCode()).as(path).isEqualTo(200);
        }

        WarningsOf worker = new WarningsOf("org.detainerlab");
        Runnable startAgain = stopDatabase.get();
        try {
            for (String path : paths) {
                assertUnavailable("GET " + path, given().auth().oauth2(admin).get(path));
            }
            assertUnavailable("POST /api/v1/annotations", given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("target", Map.of("kind", "POLICY", "ref", "ca-sb54-2017"), "body", "a note",
                            "visibility", "RESEARCHERS"))
                    .post("/api/v1/annotations"));
            // The worker polls every 0.2 s in tests: several polls fail while the database stays down.
            Thread.sleep(3_000);
        } finally {
            startAgain.run();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = given().auth().oauth2(admin).get("/api/v1/releases").statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).as("the application answers again once PostgreSQL is back").isEqualTo(200);
        for (String path : paths) {
            assertThat(given().auth().oauth2(admin).get(path).statusCode()).as("after the outage: " + path)
                    .isEqualTo(200);
        }

        List<LogRecord> warnings = worker.stop();
        assertThat(warnings).as("the application's own warnings during the outage")
                .noneMatch(r -> r.getThrown() != null)
                .filteredOn(r -> r.getLoggerName().endsWith("IngestWorker")
                        && r.getMessage().startsWith("The database cannot be reached"))
                .as("the ingest worker says once that the database is down")
                .hasSize(1);
    }

    private static void assertUnavailable(String what, Response answer) {
        assertThat(answer.statusCode()).as(what).isEqualTo(503);
        assertThat(answer.contentType()).as(what).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.header("Retry-After")).as(what).isNotBlank();
        // The pool waits 2 s for a connection; anything near the driver's own 10 s connect timeout is too slow.
        assertThat(answer.time()).as(what + " answers within the pool's wait (ms)").isLessThan(3_000);
        assertThat(answer.asString()).as(what).contains("database-unavailable").doesNotContain("Exception")
                .doesNotContain("org.");
    }

    /** Collects the warnings and errors logged under a category while it is attached. */
    private static final class WarningsOf extends Handler {
        private final Logger category;
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        WarningsOf(String name) {
            category = Logger.getLogger(name);
            category.addHandler(this);
        }

        List<LogRecord> stop() {
            category.removeHandler(this);
            synchronized (records) {
                return List.copyOf(records);
            }
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
