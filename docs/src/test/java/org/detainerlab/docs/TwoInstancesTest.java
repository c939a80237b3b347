package org.detainerlab.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.detainerlab.docs.ReadmeCommandsTest.HTTP;
import static org.detainerlab.docs.ReadmeCommandsTest.get;
import static org.detainerlab.docs.ReadmeCommandsTest.launcher;
import static org.detainerlab.docs.ReadmeCommandsTest.send;
import static org.detainerlab.docs.ReadmeCommandsTest.token;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.devstack.KeycloakServer;
import org.detainerlab.devstack.PostgresServer;
import org.detainerlab.devstack.ProjectLayout;
import org.detainerlab.docs.ReadmeCommandsTest.Result;
import org.junit.jupiter.api.Test;

/**
 * Two application instances, each its own process from the built jar started by the launcher, share one PostgreSQL
 * and one Keycloak that the test starts (Keycloak in memory, from the distribution the API tests unpacked): an upload
 * through A is claimed and loaded exactly once although both workers poll the job table, B's next statistics answer
 * counts it although B had cached the answer before, and an ETag read on A no longer holds on B once A changed the
 * policy.
 */
class TwoInstancesTest {

    private static final Pattern JOB_ID = Pattern.compile("\"id\":([0-9]+)");
    private static final Pattern TOTAL = Pattern.compile("\"total\":([0-9]+)");

    @Test
    void anUploadIsLoadedOnceAndSeenByTheOtherInstanceAndIfMatchHoldsAcrossThem() throws Exception {
        Path keycloakHome = ProjectLayout.locate().stateDir().resolve("test");
        try (PostgresServer postgres = PostgresServer.startEphemeral();
             KeycloakServer keycloak = KeycloakServer.start(ProjectLayout.locate().keycloakDistribution(), keycloakHome,
                     ProjectLayout.locate().realmFile(), ReadmeCommandsTest.freePort(), KeycloakServer.Storage.IN_MEMORY,
                     UUID.randomUUID().toString(), keycloakHome.resolve("keycloak-two-instances.log"))) {
            String database = postgres.jdbcUrl();
            String realm = keycloak.issuer();
            Map<String, String> first = applicationOnly(database, realm);
            Map<String, String> second = applicationOnly(database, realm);
            String a = "http://localhost:" + first.get("DETAINERLAB_HTTP_PORT") + "/api/v1";
            String b = "http://localhost:" + second.get("DETAINERLAB_HTTP_PORT") + "/api/v1";
            try {
                Result startedA = launcher(first, "start");
                assertThat(startedA.exitCode()).as(startedA.output()).isZero();
                Result startedB = launcher(second, "start");
                assertThat(startedB.exitCode()).as(startedB.output()).isZero();
                twoInstances(database, realm, first, a, b);
            } finally {
                launcher(second, "stop");
                launcher(first, "stop");
                deleteTree(Path.of(first.get("DETAINERLAB_STATE_DIR")));
                deleteTree(Path.of(second.get("DETAINERLAB_STATE_DIR")));
            }
        }
    }

    /** An application started by the launcher in a folder of its own, against the given database and realm. */
    private static Map<String, String> applicationOnly(String database, String realm) throws Exception {
        Map<String, String> env = ReadmeCommandsTest.ports();
        env.put("DETAINERLAB_STATE_DIR", ReadmeCommandsTest.STATE.resolveSibling("instance-" + UUID.randomUUID())
                .toString());
        env.put("DETAINERLAB_DB_URL", database);
        env.put("DETAINERLAB_DB_USER", PostgresServer.USER);
        env.put("DETAINERLAB_OIDC_URL", realm);
        return env;
    }

    private static void twoInstances(String database, String realm, Map<String, String> first, String a, String b)
            throws Exception {
        String alice = token(realm, "alice");
        String statistics = "/stats/detainers?groupBy=state";
        long before = total(get(b + statistics, alice));
        assertThat(total(get(b + statistics, alice))).as("B's answer, now cached").isEqualTo(before);

        Path release = Files.createTempDirectory("detainerlab-two-instances").resolve("release.csv");
        assertThat(launcher(first, "generate", "--rows", "300", "--layout", "ddp-csv", "--out", release.toString(),
                "--seed", "16").exitCode()).isZero();
        String admin = token(realm, "dave");
        long[] loadedBefore = counts(database);
        HttpResponse<String> queued = upload(a + "/releases", admin, release);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        Matcher job = JOB_ID.matcher(queued.body());
        assertThat(job.find()).isTrue();
        String finished = awaitJob(a + "/jobs/" + job.group(1), admin);
        assertThat(finished).as("the job as A reports it").contains("\"status\":\"SUCCEEDED\"");
        assertThat(get(b + "/jobs/" + job.group(1), admin)).as("the same job read through B")
                .contains("\"status\":\"SUCCEEDED\"");

        long[] after = counts(database);
        assertThat(after[0]).as("releases in the shared database: one more").isEqualTo(loadedBefore[0] + 1);
        assertThat(after[1]).as("detainer rows: the file's 300, loaded once").isEqualTo(loadedBefore[1] + 300);
        assertThat(finished).contains("\"alreadyLoaded\":false");
        assertThat(total(get(b + statistics, alice))).as("B's next answer counts the upload made through A")
                .isEqualTo(before + 300);

        String carol = token(realm, "carol");
        String policy = "/policies/ca-sb54-2017";
        String read = etag(send("GET", a + policy, carol, null));
        assertThat(etag(send("GET", b + policy, carol, null))).as("both instances name the same version")
                .isEqualTo(read);
        HttpResponse<String> changed = patch(a + policy, carol, read, "{\"summary\":\"Edited through A\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> stale = patch(b + policy, carol, read, "{\"summary\":\"Edited through B\"}");
        assertThat(stale.statusCode()).as("B refuses the ETag A made stale: " + stale.body()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).contains(etag(changed));
        assertThat(get(b + policy, carol)).contains("Edited through A").doesNotContain("Edited through B");
    }

    private static void deleteTree(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Releases and detainer rows in the shared database. */
    private static long[] counts(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, PostgresServer.USER, "");
             ResultSet counted = connection.createStatement().executeQuery(
                     "select (select count(*) from data_release), (select count(*) from detainer)")) {
            assertThat(counted.next()).isTrue();
            return new long[] {counted.getLong(1), counted.getLong(2)};
        }
    }

    private static long total(String statistics) {
        Matcher total = TOTAL.matcher(statistics);
        assertThat(total.find()).as(statistics).isTrue();
        return Long.parseLong(total.group(1));
    }

    private static String etag(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static HttpResponse<String> patch(String url, String token, String ifMatch, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json").header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(String url, String token, Path file) throws Exception {
        String boundary = "detainerlab-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTwo instances\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"release.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitJob(String url, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String job = get(url, token);
        while (job.contains("\"status\":\"QUEUED\"") || job.contains("\"status\":\"RUNNING\"")) {
            assertThat(Instant.now()).as("the job ends within two minutes: " + job).isBefore(deadline);
            Thread.sleep(250);
            job = get(url, token);
        }
        return job;
    }
}
