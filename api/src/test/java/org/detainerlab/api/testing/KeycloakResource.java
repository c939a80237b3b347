package org.detainerlab.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.detainerlab.devstack.FreePort;
import org.detainerlab.devstack.KeycloakServer;
import org.detainerlab.devstack.ProjectLayout;

/**
 * The real Keycloak distribution with the project's realm, on a free port, in memory, started once per test
 * JVM. It is unpacked under {@code .detainerlab/test/}, apart from the one {@code ./detainerlab run} uses.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String issuer = SharedServer.urlOf("detainerlab.test.oidc-url", () -> {
            ProjectLayout layout = ProjectLayout.locate();
            Path testDir = layout.stateDir().resolve("test");
            KeycloakServer server = KeycloakServer.start(layout.keycloakDistribution(), testDir, layout.realmFile(),
                    FreePort.find(), KeycloakServer.Storage.IN_MEMORY, UUID.randomUUID().toString(),
                    testDir.resolve("keycloak.log"));
            SharedServer.stopAtExit(server);
            return server.issuer();
        });
        return Map.of("quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        // shared by every test profile of this JVM; stopped at JVM exit
    }
}
