package org.detainerlab.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public releases in {@code ../shared/data} beside the project (or the folder named by
 * {@code DETAINERLAB_DATA_DIR}). They are never committed; tests that need them are skipped, saying so, when the
 * folder is absent.
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

    /** The file under the data folder; skips the calling test, with the reason, when it is not there. */
    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "Skipped: real data file " + file + " is absent. Put the shared data"
                + " folder beside the project (../shared/data) or set DETAINERLAB_DATA_DIR to run this test.");
        return file;
    }
}
