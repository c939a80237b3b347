package org.detainerlab.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where things are in a clone of the project: the realm file, the Keycloak distribution fetched by the
 * build, and the {@code .detainerlab/} folder (ignored by git) that holds local state.
 */
public final class ProjectLayout {

    public static final String ROOT_PROPERTY = "detainerlab.project.root";
    private static final Path REALM = Path.of("config", "keycloak", "detainerlab-realm.json");

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    /**
     * Finds the project root: the system property {@value #ROOT_PROPERTY} when set (Maven sets it for
     * tests), otherwise the nearest folder above the working directory that holds the realm file.
     */
    public static ProjectLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the DetainerLab project root (a folder with " + REALM
                + ") above " + Path.of("").toAbsolutePath() + "; set -D" + ROOT_PROPERTY + "=PATH");
    }

    public Path root() {
        return root;
    }

    public Path realmFile() {
        return root.resolve(REALM);
    }

    /** Local state of {@code ./detainerlab run} and of test runs; never committed. */
    public Path stateDir() {
        return root.resolve(".detainerlab");
    }

    public static String keycloakVersion() {
        Properties properties = new Properties();
        try (InputStream in = ProjectLayout.class.getResourceAsStream("/devstack.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("keycloak.version");
    }

    /** The distribution tarball that the devstack build copied from Maven Central. */
    public Path keycloakDistribution() {
        String version = keycloakVersion();
        return root.resolve("devstack/target/keycloak-dist/keycloak-quarkus-dist-" + version + ".tar.gz");
    }
}
