package org.detainerlab.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.detainerlab.devstack.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher does what the README says: it starts real PostgreSQL, Keycloak and the application, reports
 * them, stops them, keeps data across a restart, and refuses a taken port naming the setting that moves it.
 * Runs on free ports with its own state folder, so a developer's ./detainerlab run is not disturbed.
 */
class ReadmeCommandsTest {

    static final Path STATE = DocsTest.ROOT.resolve(".detainerlab/test/launcher");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Well-formed, but its signature can only be checked against keys from Keycloak. */
    private static final String UNSIGNED_TOKEN = b64("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "."
            + b64("{\"sub\":\"x\",\"preferred_username\":\"alice\"}") + ".c2ln";

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Result launcher(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = DocsTest.ROOT.resolve("detainerlab").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(DocsTest.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("DETAINERLAB_"));
        builder.environment().put("DETAINERLAB_STATE_DIR", STATE.toString());
        builder.environment().put("DETAINERLAB_SKIP_BUILD", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    static Map<String, String> ports() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DETAINERLAB_HTTP_PORT", String.valueOf(freePort()));
        env.put("DETAINERLAB_KEYCLOAK_PORT", String.valueOf(freePort()));
        env.put("DETAINERLAB_DB_PORT", String.valueOf(freePort()));
        return env;
    }

    @ParameterizedTest
    @CsvSource({"DETAINERLAB_HTTP_PORT, the application", "DETAINERLAB_KEYCLOAK_PORT, Keycloak",
            "DETAINERLAB_DB_PORT, the embedded PostgreSQL"})
    void aTakenPortIsRefusedNamingTheSettingThatMovesIt(String setting, String needer) throws Exception {
        Map<String, String> env = ports();
        try (ServerSocket taken = new ServerSocket(Integer.parseInt(env.get(setting)), 1,
                InetAddress.getLoopbackAddress())) {
            Result result = launcher(env, "run");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output())
                    .contains("Port " + taken.getLocalPort() + ", needed for " + needer + ", is already in use")
                    .contains(setting + "=PORT");
        }
    }

    @Test
    void unknownCommandsAreRefusedWithTheUsage() throws Exception {
        Result result = launcher(Map.of(), "frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("Usage: ./detainerlab COMMAND").contains("run").contains("status");
    }

    @Test
    void startsAllThreeStopsThemAndKeepsDataAcrossARestart() throws Exception {
        Map<String, String> env = ports();
        String app = "http://localhost:" + env.get("DETAINERLAB_HTTP_PORT");
        String realm = "http://localhost:" + env.get("DETAINERLAB_KEYCLOAK_PORT") + "/realms/detainerlab";
        String facility = "Launcher Check Jail " + UUID.randomUUID();
        try {
            Result started = launcher(env, "start");
            assertThat(started.exitCode()).as(started.output()).isZero();
            assertThat(started.output()).contains("DetainerLab is running", app + "/q/swagger-ui", "alice", "Logs:");
            assertThat(launcher(env, "status").output()).contains("postgres  running", "keycloak  running", "app       running")
                    .contains("answers 200");

            String curator = token(realm, "carol");
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/facilities"))
                    .header("Authorization", "Bearer " + curator).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + facility + "\",\"stateCode\":\"MN\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            assertThat(launcher(env, "stop").exitCode()).isZero();
            assertThat(launcher(env, "status").output()).contains("postgres  not running", "keycloak  not running",
                    "app       not running");

            Result restarted = launcher(env, "start");
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
            assertThat(restarted.output()).doesNotContain("first start");
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/facilities?q="
                            + URLEncoder.encode(facility, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token(realm, "alice")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains(facility);
        } finally {
            launcher(env, "stop");
        }
    }

    @Test
    void externalServicesAreUsedAndNotStartedByTheLauncher() throws Exception {
        Map<String, String> env = ports();
        String app = "http://localhost:" + env.get("DETAINERLAB_HTTP_PORT");
        try (PostgresServer external = PostgresServer.startEphemeral()) {
            env.put("DETAINERLAB_DB_URL", external.jdbcUrl());
            env.put("DETAINERLAB_DB_USER", PostgresServer.USER);
            // An external Keycloak that is down: the application still starts and answers 503 for tokens.
            env.put("DETAINERLAB_OIDC_URL", "http://localhost:" + freePort() + "/realms/detainerlab");
            try {
                Result started = launcher(env, "start");
                assertThat(started.exitCode()).as(started.output()).isZero();
                assertThat(started.output()).contains("Using the external PostgreSQL at " + external.jdbcUrl())
                        .contains("Using the external Keycloak realm at " + env.get("DETAINERLAB_OIDC_URL"))
                        .doesNotContain("Starting PostgreSQL").doesNotContain("Starting Keycloak");
                assertThat(launcher(env, "status").output()).contains("postgres  not running", "keycloak  not running",
                        "app       running");
                try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), PostgresServer.USER, "");
                     ResultSet states = connection.createStatement()
                             .executeQuery("select count(*) from jurisdiction where kind = 'STATE'")) {
                    assertThat(states.next()).isTrue();
                    assertThat(states.getInt(1)).as("migrated the external database").isEqualTo(50);
                }
                HttpResponse<String> unavailable = HTTP.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/me"))
                        .header("Authorization", "Bearer " + UNSIGNED_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(unavailable.statusCode()).isEqualTo(503);
                assertThat(unavailable.headers().firstValue("Content-Type")).contains("application/problem+json");
            } finally {
                launcher(env, "stop");
            }
        }
    }

    /** An application-only platform (embedded PostgreSQL, an external Keycloak that is down), in its own folder. */
    private static Map<String, String> appOnly(String folder) throws IOException {
        Map<String, String> env = ports();
        env.put("DETAINERLAB_STATE_DIR", STATE.resolveSibling(folder + "-" + UUID.randomUUID()).toString());
        env.put("DETAINERLAB_OIDC_URL", "http://localhost:" + freePort() + "/realms/detainerlab");
        return env;
    }

    private static long pidOf(Map<String, String> env, String service) throws IOException {
        return Long.parseLong(Files.readString(Path.of(env.get("DETAINERLAB_STATE_DIR"), "run", service + ".pid")).trim());
    }

    @Test
    void startBringsUpWhicheverServiceIsDownAndResetDeletesTheLaunchersFolder() throws Exception {
        Map<String, String> env = appOnly("partly-down");
        Path state = Path.of(env.get("DETAINERLAB_STATE_DIR"));
        try {
            Result started = launcher(env, "start");
            assertThat(started.exitCode()).as(started.output()).isZero();
            ProcessHandle app = ProcessHandle.of(pidOf(env, "app")).orElseThrow();
            app.destroy();
            app.onExit().get(60, TimeUnit.SECONDS);
            assertThat(launcher(env, "status").output()).contains("postgres  running", "app       not running");

            Result restarted = launcher(env, "start");
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
            assertThat(restarted.output()).contains("postgres is already running", "Starting the application",
                    "DetainerLab is running").doesNotContain("Starting PostgreSQL");
            assertThat(launcher(env, "status").output()).contains("postgres  running", "app       running")
                    .contains("answers 200");
        } finally {
            launcher(env, "stop");
        }
        Result reset = launcher(env, "reset", "--yes");
        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(state).doesNotExist();
    }

    @Test
    void aPidFileNamingAnotherProcessIsNeverSignalled() throws Exception {
        Map<String, String> env = appOnly("stale-pids");
        Path run = Files.createDirectories(Path.of(env.get("DETAINERLAB_STATE_DIR"), "run"));
        // After a reboot the numbers in pid files name whatever process got them: here, one that is not ours.
        Process stranger = new ProcessBuilder("sleep", "600").start();
        try {
            for (String service : new String[] {"postgres", "keycloak", "app"}) {
                Files.writeString(run.resolve(service + ".pid"), stranger.pid() + "\n");
            }
            assertThat(launcher(env, "status").output()).contains("postgres  not running", "keycloak  not running",
                    "app       not running");
            Result stopped = launcher(env, "stop");
            assertThat(stopped.exitCode()).as(stopped.output()).isZero();
            assertThat(stopped.output()).contains("pid " + stranger.pid() + ", which is not the app this launcher started")
                    .doesNotContain("Stopping");
            assertThat(stranger.waitFor(2, TimeUnit.SECONDS)).as("the unrelated process still runs").isFalse();
        } finally {
            stranger.destroy();
        }
    }

    @Test
    void readinessIsAskedOfTheServiceNotReadFromItsLog() throws Exception {
        Map<String, String> env = appOnly("stale-log");
        Path state = Path.of(env.get("DETAINERLAB_STATE_DIR"));
        // The last start said READY; this one cannot start at all (its data folder is a file).
        Files.createDirectories(state.resolve("logs"));
        Files.writeString(state.resolve("logs/postgres.log"), "READY postgres jdbc:postgresql://localhost:1/detainerlab\n");
        Files.writeString(state.resolve("postgres"), "not a data folder");
        Result started = launcher(env, "start");
        assertThat(started.exitCode()).isEqualTo(1);
        assertThat(started.output()).contains("postgres stopped during start-up").doesNotContain("Starting the application");
    }

    @Test
    void resetRefusesAFolderTheLauncherDidNotCreate() throws Exception {
        Path elsewhere = Files.createTempDirectory("not-detainerlab");
        Path precious = Files.writeString(elsewhere.resolve("thesis.txt"), "years of work");
        Result reset = launcher(Map.of("DETAINERLAB_STATE_DIR", elsewhere.toString()), "reset", "--yes");
        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.output()).contains(elsewhere + " was not created by this launcher");
        assertThat(precious).hasContent("years of work");
        Files.delete(precious);
        Files.delete(elsewhere);
    }

    static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    static HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a backup must carry: releases, rows, curated items, annotations and teams, as the API shows them. */
    private static Map<String, String> snapshot(Map<String, String> env) throws Exception {
        String app = "http://localhost:" + env.get("DETAINERLAB_HTTP_PORT") + "/api/v1";
        String realm = "http://localhost:" + env.get("DETAINERLAB_KEYCLOAK_PORT") + "/realms/detainerlab";
        String alice = token(realm, "alice");
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        seen.put("releases", get(app + "/releases", alice));
        seen.put("rows", get(app + "/detainers?limit=200", alice));
        seen.put("facilities", get(app + "/facilities?q=Backup", alice));
        seen.put("policy", get(app + "/policies/ca-sb54-2017", alice));
        seen.put("policy history", get(app + "/policies/ca-sb54-2017/history", alice));
        seen.put("annotations", get(app + "/annotations", alice));
        seen.put("teams", get(app + "/teams", token(realm, "dave")));
        // when an answer was computed, and the data generation it was computed at, belong to the instance asking
        seen.replaceAll((what, body) -> body.replaceAll("\"computedAt\":\"[^\"]*\"", "\"computedAt\":\"(when)\"")
                .replaceAll("\"dataGeneration\":[0-9]+", "\"dataGeneration\":0"));
        return seen;
    }

    @Test
    void backupThenRestoreIntoAFreshStateFindsEverythingAsItWas() throws Exception {
        Map<String, String> original = ports();
        original.put("DETAINERLAB_STATE_DIR", STATE.resolveSibling("backup-" + UUID.randomUUID()).toString());
        Map<String, String> fresh = ports();
        fresh.put("DETAINERLAB_STATE_DIR", STATE.resolveSibling("restore-" + UUID.randomUUID()).toString());
        Path backup = Files.createTempDirectory("detainerlab-backup").resolve("platform.tar.gz");
        Map<String, String> before;
        try {
            Result started = launcher(original, "start");
            assertThat(started.exitCode()).as(started.output()).isZero();
            Path release = backup.resolveSibling("release.csv");
            assertThat(launcher(original, "generate", "--rows", "300", "--layout", "ddp-csv", "--out", release.toString(),
                    "--seed", "7").exitCode()).isZero();
            Result ingested = launcher(original, "ingest", release.toString(), "--title", "Backup check");
            assertThat(ingested.exitCode()).as(ingested.output()).isZero();

            String app = "http://localhost:" + original.get("DETAINERLAB_HTTP_PORT") + "/api/v1";
            String realm = "http://localhost:" + original.get("DETAINERLAB_KEYCLOAK_PORT") + "/realms/detainerlab";
            assertThat(send("POST", app + "/facilities", token(realm, "carol"),
                    "{\"name\":\"Backup Check Jail\",\"stateCode\":\"MN\"}").statusCode()).isEqualTo(201);
            HttpResponse<String> annotated = send("POST", app + "/annotations", token(realm, "alice"),
                    "{\"target\":{\"kind\":\"POLICY\",\"ref\":\"ca-sb54-2017\"},\"body\":\"Kept by the **backup**?\","
                            + "\"tags\":[\"backup\"],\"visibility\":\"TEAM\",\"team\":\"Team A\"}");
            assertThat(annotated.statusCode()).as(annotated.body()).isEqualTo(201);
            String dave = token(realm, "dave");
            Matcher teamB = Pattern.compile("\"id\":\"([^\"]+)\",\"name\":\"Team B\"").matcher(get(app + "/teams", dave));
            assertThat(teamB.find()).isTrue();
            assertThat(send("PUT", app + "/teams/" + teamB.group(1) + "/members/carol", dave, null).statusCode())
                    .isBetween(200, 204);
            before = snapshot(original);
            assertThat(before.get("teams")).contains("carol");

            Result backedUp = launcher(original, "backup", backup.toString());
            assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
            assertThat(backedUp.output()).contains("Wrote " + backup, "DetainerLab is running");
        } finally {
            launcher(original, "stop");
        }
        try {
            Result restored = launcher(fresh, "restore", backup.toString());
            assertThat(restored.exitCode()).as(restored.output()).isZero();
            Result started = launcher(fresh, "start");
            assertThat(started.exitCode()).as(started.output()).isZero();
            Map<String, String> after = snapshot(fresh);
            for (String part : before.keySet()) {
                assertThat(after.get(part)).as(part).isEqualTo(before.get(part));
            }
        } finally {
            launcher(fresh, "stop");
        }
    }

    static String token(String realm, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=detainerlab-cli&username=" + user
                        + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
