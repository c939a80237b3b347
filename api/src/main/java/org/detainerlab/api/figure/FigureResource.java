package org.detainerlab.api.figure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.figure.FigureInput;
import org.detainerlab.core.figure.FigureService;
import org.detainerlab.core.figure.FigureView;
import org.detainerlab.core.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figures")
public class FigureResource {

    private final FigureService figures;
    private final CurrentUser user;

    public FigureResource(FigureService figures, CurrentUser user) {
        this.figures = figures;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Save a statistics query as a figure with a permanent id and URL",
            description = "Role researcher (or curator, admin). The query is written as for GET"
                    + " /api/v1/stats/detainers; the figure keeps the normalised query with its releases pinned (every"
                    + " loaded release when none is named) and the values of the answer. 422 when the query is not"
                    + " valid or no release is loaded.")
    public Response save(@NotNull FigureInput input) {
        FigureView saved = figures.save(input, user.username());
        return Response.created(URI.create(saved.url())).entity(saved).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "A figure answered again: its saved values, a rerun on the same releases, and whether newer"
            + " releases change it (drifted)", description = "Role researcher (or curator, admin).")
    public FigureView get(@PathParam("id") long id) {
        return figures.get(id);
    }
}
