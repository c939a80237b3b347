package org.detainerlab.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info = @Info(title = "DetainerLab API", version = "v1",
                description = "Detainer data with provenance, curated context, annotations and claim checks.",
                license = @License(name = "Apache-2.0")),
        tags = {
                @Tag(name = "Account", description = "Who is calling"),
                @Tag(name = "Jurisdictions", description = "States, DC, territories and, later, counties and agencies"),
                @Tag(name = "Facilities", description = "Jails and detention facilities named in the data"),
                @Tag(name = "Releases", description = "Ingested data releases, their reports, and ingest jobs"),
                @Tag(name = "Administration", description = "Operating the platform (admin)"),
                @Tag(name = "Teams", description = "Research teams (Keycloak groups) and their members"),
                @Tag(name = "Case records", description = "Curated, sourced narratives of individual cases"),
                @Tag(name = "Annotations", description = "Team annotations on cases, detainer rows, policies and rulings"),
                @Tag(name = "Policies", description = "Curated policies with dated events, sources and history"),
                @Tag(name = "Rulings", description = "Curated court rulings with subsequent history, sources and history"),
                @Tag(name = "Curation", description = "Import and export of curated policies and rulings")})
public class DetainerLabApplication extends Application {
}
