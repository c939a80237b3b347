package org.detainerlab.api.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

import java.util.Map;

import org.detainerlab.devstack.FreePort;
import org.junit.jupiter.api.Test;

/** A database URL that answers nothing: the application stops at start-up and names the setting. */
@QuarkusMainTest
@TestProfile(BadDatabaseUrlTest.NoDatabase.class)
class BadDatabaseUrlTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + FreePort.find() + "/detainerlab");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void stopsWithOneClearMessage(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertThat(output).contains("Cannot connect to the database at jdbc:postgresql://localhost:")
                .contains("DETAINERLAB_DB_URL");
    }
}
