package org.detainerlab.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.KeycloakServer;
import org.detainerlab.devstack.ProjectLayout;

/**
 * The real Keycloak distribution with the project's realm, on a free port, in memory, started once per test
 * JVM. It is unpacked under {@code .detainerlab/test/}, apart from the one {@code ./detainerlab run} uses. The
 * team-management client's secret is the local realm's, read from the realm file as the launcher does.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    /** The bootstrap admin's password (user {@code admin}) of this JVM's test Keycloak. */
    static final String ADMIN_PASSWORD_PROPERTY = "detainerlab.test.keycloak-admin-password";

    @Override
    public Map<String, String> start() {
        String issuer = SharedServer.urlOf("detainerlab.test.oidc-url", () -> {
            ProjectLayout layout = ProjectLayout.locate();
            Path testDir = layout.stateDir().resolve("test");
            String adminPassword = UUID.randomUUID().toString();
            // Browser tests register their random application port as a redirect URI through the admin API.
            System.setProperty(ADMIN_PASSWORD_PROPERTY, adminPassword);
            KeycloakServer server = KeycloakServer.start(layout.keycloakDistribution(), testDir, layout.realmFile(),
                    FreePort.find(), KeycloakServer.Storage.IN_MEMORY, adminPassword, testDir.resolve("keycloak.log"));
            SharedServer.stopAtExit(server);
            return server.issuer();
        });
        return Map.of("quarkus.oidc.auth-server-url", issuer,
                "detainerlab.teams.client-secret", adminClientSecret(ProjectLayout.locate().realmFile()));
    }

    static String adminClientSecret(Path realmFile) {
        try {
            for (JsonNode client : new ObjectMapper().readTree(realmFile.toFile()).path("clients")) {
                if (client.path("clientId").asText().equals("detainerlab-admin-api")) {
                    return client.path("secret").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + realmFile, e);
        }
        throw new IllegalStateException(realmFile + " has no detainerlab-admin-api client");
    }

    @Override
    public void stop() {
        // shared by every test profile of this JVM; stopped at JVM exit
    }
}
