package org.detainerlab.api.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.detainerlab.core.common.Revisions;

/** Answers that carry a curated item with its {@code ETag}, which the client sends back in {@code If-Match}. */
public final class Tagged {

    private Tagged() {
    }

    public static Response response(Response.ResponseBuilder response, Object item, String kind, long id, long version) {
        return response.entity(item).header(HttpHeaders.ETAG, Revisions.tag(kind, id, version)).build();
    }
}
