package org.detainerlab.api.system;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.detainerlab.core.security.Roles;
import org.detainerlab.core.system.SystemStatus;
import org.detainerlab.core.system.SystemStatusService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/system")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SystemResource {

    /** The application version beside what the database holds. */
    public record SystemInfo(String applicationVersion, SystemStatus status) {
    }

    private final SystemStatusService status;
    private final String version;

    public SystemResource(SystemStatusService status,
                          @ConfigProperty(name = "quarkus.application.version") String version) {
        this.status = status;
        this.version = version;
    }

    @GET
    @Operation(summary = "Application version, database, schema version, row counts and data generations",
            description = "Role admin. status.dataGeneration is PostgreSQL's data generation (it moves with every load,"
                    + " deletion and curation that changes a count); status.columnarGeneration is the generation this"
                    + " instance's columnar copy of the rows is at (null while it is being made or when it is off):"
                    + " statistics are answered from the copy only when the two are equal. status.detainers is the"
                    + " detainer rows of the loaded releases, as each load counted them.")
    public SystemInfo system() {
        return new SystemInfo(version, status.status());
    }
}
