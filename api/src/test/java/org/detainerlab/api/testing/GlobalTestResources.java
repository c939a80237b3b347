package org.detainerlab.api.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every {@code @QuarkusTest} runs against real PostgreSQL and real Keycloak, started in parallel. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KeycloakResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
