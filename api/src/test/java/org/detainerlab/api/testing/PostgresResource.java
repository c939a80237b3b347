package org.detainerlab.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import org.detainerlab.devstack.PostgresServer;

/** A real PostgreSQL 17 (zonky embedded) on a free port, started once per test JVM. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = SharedServer.urlOf("detainerlab.test.jdbc-url", () -> {
            PostgresServer server = PostgresServer.startEphemeral();
            SharedServer.stopAtExit(server);
            return server.jdbcUrl();
        });
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // shared by every test profile of this JVM; stopped at JVM exit
    }
}
