package org.detainerlab.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RealDataTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileSkipsLocally() {
        assertThatThrownBy(() -> RealData.file(dir, "absent.xlsx", false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Skipped: real data file");
    }

    @Test
    void aMissingFileFailsOnCi() {
        assertThatThrownBy(() -> RealData.file(dir, "absent.xlsx", true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true and the real data file");
    }

    @Test
    void aPresentFileIsReturned() throws Exception {
        Path file = Files.writeString(dir.resolve("present.csv"), "x");
        assertThat(RealData.file(dir, "present.csv", true)).isEqualTo(file);
    }
}
