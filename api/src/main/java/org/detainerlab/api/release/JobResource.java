package org.detainerlab.api.release;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

import org.detainerlab.core.job.IngestJobService;
import org.detainerlab.core.job.JobView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/jobs")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
public class JobResource {

    private final IngestJobService jobs;

    public JobResource(IngestJobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "The latest ingest jobs, newest first", description = "Role admin.")
    public List<JobView> recent(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return jobs.recent(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An ingest job: status, phase, rows read so far, and the release or the error",
            description = "Role admin. status is QUEUED, RUNNING, SUCCEEDED or FAILED; a FAILED job loaded nothing and"
                    + " its message says why, naming file, sheet, row and column where known.")
    public JobView get(@PathParam("id") long id) {
        return jobs.get(id);
    }
}
