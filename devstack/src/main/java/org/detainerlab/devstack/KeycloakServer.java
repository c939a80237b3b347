package org.detainerlab.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak server from the Maven Central distribution, unpacked once and started with the
 * project's realm imported.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "detainerlab";
    // A first start builds Keycloak (augmentation), which on two busy cores has taken more than four minutes.
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);

    /** How Keycloak keeps its own data. */
    public enum Storage {
        /** An H2 file inside the unpacked distribution: users, teams and sessions survive a restart. */
        PERSISTENT("dev-file"),
        /** In memory: every start imports the realm afresh (tests). */
        IN_MEMORY("dev-mem");

        private final String db;

        Storage(String db) {
            this.db = db;
        }
    }

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Unpacks {@code distribution} under {@code installDir} unless already there, imports {@code realmFile}
     * and starts Keycloak on {@code port}, waiting until the realm answers.
     */
    public static KeycloakServer start(Path distribution, Path installDir, Path realmFile, int port, Storage storage,
                                       String adminPassword, Path logFile) {
        Path home = unpack(distribution, installDir);
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logFile.toAbsolutePath().getParent());

            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--import-realm", "--db=" + storage.db));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            KeycloakServer server = new KeycloakServer(builder.start(), port);
            server.awaitReady(logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start from " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the realm with its users, credentials and groups to {@code file} with Keycloak's own
     * {@code kc.sh export}. Keycloak must be stopped: its file database admits one process.
     */
    public static void exportRealm(Path distribution, Path installDir, Path file, Path logFile) {
        offline(distribution, installDir, logFile, "export", "--file=" + file.toAbsolutePath(), "--realm=" + REALM,
                "--users=same_file");
    }

    /** Replaces the realm by the one in {@code file} (from {@link #exportRealm}) with {@code kc.sh import}. */
    public static void importRealm(Path distribution, Path installDir, Path file, Path logFile) {
        offline(distribution, installDir, logFile, "import", "--file=" + file.toAbsolutePath(), "--override=true");
    }

    private static void offline(Path distribution, Path installDir, Path logFile, String... arguments) {
        Path home = unpack(distribution, installDir);
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(arguments));
        command.add("--db=" + Storage.PERSISTENT.db);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            Process process = builder.start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("kc.sh " + arguments[0] + " exited with " + process.exitValue()
                        + "; last lines of " + logFile + ":\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("kc.sh " + arguments[0] + " did not run in " + home + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh " + arguments[0], e);
        }
    }

    private static Path unpack(Path distribution, Path installDir) {
        String folder = distribution.getFileName().toString()
                .replace("keycloak-quarkus-dist-", "keycloak-").replace(".tar.gz", "");
        Path home = installDir.resolve(folder);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("The Keycloak distribution " + distribution
                    + " is missing; build the project first (./mvnw -pl devstack package)");
        }
        try {
            // Unpack beside the target and rename, so that an interrupted unpack never looks complete.
            Path staging = Files.createDirectories(installDir.resolve(".unpacking"));
            run(List.of("tar", "xzf", distribution.toString(), "-C", staging.toString()));
            Files.move(staging.resolve(folder), home, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staging);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + distribution + " into " + installDir, e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private void awaitReady(Path logFile) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; last lines of "
                        + logFile + ":\n" + tail(logFile));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + logFile + ":\n" + tail(logFile));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The issuer of the project's realm, which is also the application's OIDC server URL. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Keycloak and the JVM that kc.sh started, waiting for both. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }
}
