package org.detainerlab.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public releases in {@code ../shared/data} beside the project (or the folder named by
 * {@code DETAINERLAB_DATA_DIR}). They are never committed; tests that need them are skipped, saying so, when the
 * folder is absent, and fail when {@code CI=true}.
 */
public final class RealData {

    private RealData() {
    }

    public static Path dir() {
        String configured = System.getenv("DETAINERLAB_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String root = System.getProperty("detainerlab.project.root", "..");
        return Path.of(root).toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
    }

    /**
     * The file under the data folder. When it is not there the calling test is skipped, with the reason, except on
     * CI ({@code CI=true}), where it fails: a CI run must exercise the real files, never pass without them.
     */
    public static Path file(String relative) {
        return file(dir(), relative, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    static Path file(Path dir, String relative, boolean ci) {
        Path file = dir.resolve(relative);
        if (Files.isRegularFile(file)) {
            return file;
        }
        String where = "real data file " + file + " is absent. Put the shared data folder beside the project"
                + " (../shared/data) or set DETAINERLAB_DATA_DIR to run this test.";
        if (ci) {
            throw new AssertionError("CI=true and the " + where);
        }
        assumeTrue(false, () -> "Skipped: " + where);
        return file;
    }
}
