package org.detainerlab.api.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.detainerlab.api.common.Tagged;
import org.detainerlab.api.security.CurrentUser;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.job.IngestJobService;
import org.detainerlab.core.job.JobView;
import org.detainerlab.core.release.ReleaseEdit;
import org.detainerlab.core.release.ReleaseReason;
import org.detainerlab.core.release.ReleaseService;
import org.detainerlab.core.release.ReleaseView;
import org.detainerlab.core.release.SeriesView;
import org.detainerlab.core.security.Roles;
import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.map.Profiles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
public class ReleaseResource {

    private final ReleaseService releases;
    private final IngestJobService jobs;
    private final CurrentUser user;
    private final ObjectMapper json;

    public ReleaseResource(ReleaseService releases, IngestJobService jobs, CurrentUser user, ObjectMapper json) {
        this.releases = releases;
        this.jobs = jobs;
        this.user = user;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Loaded data releases, newest first",
            description = "Role researcher (or curator, admin). kind=DETAINERS, AGREEMENTS_287G or"
                    + " AREAS_OF_RESPONSIBILITY for one kind. Withdrawn releases are left out unless withdrawn=true.")
    public List<ReleaseView> list(@QueryParam("kind") String kind, @QueryParam("withdrawn") String withdrawn) {
        if (kind != null && !List.of("DETAINERS", "AGREEMENTS_287G", "AREAS_OF_RESPONSIBILITY").contains(kind)) {
            throw new InvalidQueryException("kind", "'" + kind + "' is not DETAINERS, AGREEMENTS_287G or"
                    + " AREAS_OF_RESPONSIBILITY");
        }
        return releases.list(kind, flag("withdrawn", withdrawn));
    }

    @GET
    @Path("/series")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The release series that default questions read",
            description = "Role researcher (or curator, admin). For each state and day, the one release with the"
                    + " highest precedence that covers it (precedence, then the most recently published, then loaded):"
                    + " parts as release, days and states, and the gaps (days on which no loaded release covers a"
                    + " state).")
    public SeriesView series() {
        return releases.series();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "One release: source, sha256, coverage, counts, scope, precedence, withdrawal; with its ETag",
            description = "Role researcher (or curator, admin).")
    public Response get(@PathParam("id") long id) {
        return withTag(releases.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "Every admin change of a release, oldest first", description = "Role researcher (or curator,"
            + " admin). Scope, publication day and precedence edits, withdrawals and restores, with who, when, why,"
            + " before and after.")
    public List<ChangeView> history(@PathParam("id") long id) {
        return releases.history(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change what the release series reads of a release",
            description = "Role admin. Fields left out stay as they are: national=true, or states (USPS codes or"
                    + " names) for a release that covers only those states; publishedOn (YYYY-MM-DD); precedence"
                    + " (-1000..1000, higher wins where releases overlap; ties go to the most recently published, then"
                    + " loaded); note (kept in the history). If-Match with the ETag you read is required (428 without"
                    + " it, 412 when someone changed the release since); 422 names an unknown state. The series, and"
                    + " every default answer, changes at once.")
    public Response edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @NotNull ReleaseEdit edit) {
        return withTag(releases.edit(id, ifMatch, edit, user.username()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw a release from the series and the default lists",
            description = "Role admin. Body: reason (required). If-Match as for PATCH. The release's rows stay:"
                    + " questions that name it (release=) still read them, with a note that it is withdrawn, so older"
                    + " figures and claim checks keep their provenance. 409 when it is already withdrawn.")
    public Response withdraw(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull ReleaseReason reason) {
        return withTag(releases.withdraw(id, ifMatch, reason, user.username()));
    }

    @POST
    @Path("/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Restore a withdrawn release to the series",
            description = "Role admin. Body: reason (required). If-Match as for PATCH. 409 when it is not withdrawn.")
    public Response restore(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull ReleaseReason reason) {
        return withTag(releases.restore(id, ifMatch, reason, user.username()));
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed(Roles.RESEARCHER)
    @Operation(summary = "The release's validation report",
            description = "Role researcher (or curator, admin). Per rule: severity, count and the first examples with"
                    + " sheet, row, column and value; the facility names that resolved to nothing, with counts.")
    public Response report(@PathParam("id") long id) {
        return Response.ok(releases.report(id), MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a release and all its detainer rows",
            description = "Role admin. A release that saved figures or stored claim checks cite answers 409 naming"
                    + " them, unless force=true (withdrawing keeps their provenance readable instead).")
    public Response delete(@PathParam("id") long id, @QueryParam("force") String force) {
        releases.delete(id, flag("force", force), user.username());
        return Response.noContent().build();
    }

    private static Response withTag(ReleaseView view) {
        return Tagged.response(Response.ok(), view, ReleaseView.KIND, view.id(), view.version());
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidQueryException(name, "must be true or false, not '" + value + "'");
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Upload a release file (xlsx or csv) to ingest",
            description = "Role admin. Answers 202 with the ingest job; follow it at /api/v1/jobs/{id}. The file is"
                    + " loaded all or nothing. A file already loaded (same sha256) changes nothing and the job names the"
                    + " existing release. Form fields: file (required), title, publisher, foiaNumber, sourceUrl, licence,"
                    + " retrievedOn (YYYY-MM-DD), profile (ice-modern, ice-2015, ddp; detected when absent), mapping (a JSON"
                    + " mapping file for other layouts), maxRejectedShare, warnRejectedShare (0..1).")
    public Response upload(@RestForm("file") FileUpload file, @RestForm String title, @RestForm String publisher,
                           @RestForm String foiaNumber, @RestForm String sourceUrl, @RestForm String licence,
                           @RestForm String retrievedOn, @RestForm String profile, @RestForm("mapping") FileUpload mapping,
                           @RestForm Double maxRejectedShare, @RestForm Double warnRejectedShare) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidQueryException("file", "a multipart part named 'file' with the release is required");
        }
        if (file.fileName() != null && file.fileName().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidQueryException("file", "the file name holds a control character (such as NUL);"
                    + " rename the file and upload it again");
        }
        if (profile != null && Profiles.byName(profile).isEmpty()) {
            throw new InvalidQueryException("profile", "'" + profile + "' is not one of "
                    + Profiles.BUILT_IN.stream().map(Profile::name).toList());
        }
        share("maxRejectedShare", maxRejectedShare);
        share("warnRejectedShare", warnRejectedShare);
        IngestOptions options = new IngestOptions(title, publisher, foiaNumber, sourceUrl, licence, date(retrievedOn),
                profile, mapping == null ? null : Files.readString(mapping.uploadedFile()), maxRejectedShare,
                warnRejectedShare);
        JobView job = jobs.enqueue(file.fileName(), file.uploadedFile(), write(options), user.username());
        return Response.accepted(job).location(java.net.URI.create("/api/v1/jobs/" + job.id())).build();
    }

    private String write(IngestOptions options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Options are plain values and always serialise", e);
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("retrievedOn", "'" + value + "' is not a date as YYYY-MM-DD");
        }
    }

    private static void share(String name, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw new InvalidQueryException(name, "must be a share between 0 and 1 (0.01 is 1%), not " + value);
        }
    }
}
