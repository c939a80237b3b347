package org.detainerlab.api.detainer;

import jakarta.ws.rs.core.Response;

import java.util.stream.Collectors;

import org.detainerlab.core.detainer.Provenance;

/**
 * A CSV answer has no room for provenance, so it travels in headers: the normalised query, the releases with
 * their sha256, the application version and when the answer was computed.
 */
public final class ProvenanceHeaders {

    private ProvenanceHeaders() {
    }

    public static Response.ResponseBuilder add(Response.ResponseBuilder response, Provenance provenance, String fileName) {
        return response
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("DetainerLab-Query", provenance.query())
                .header("DetainerLab-Releases", provenance.releases().stream()
                        .map(r -> r.id() + ";sha256=" + r.sha256()).collect(Collectors.joining(", ")))
                .header("DetainerLab-Version", provenance.applicationVersion())
                .header("DetainerLab-Computed-At", provenance.computedAt().toString());
    }
}
