package org.detainerlab.api.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.curation.CuratedItems;
import org.detainerlab.core.curation.CuratedView;

/** Answers that carry an item with its {@code ETag}, which the client sends back in {@code If-Match}. */
public final class Tagged {

    private Tagged() {
    }

    public static Response response(Response.ResponseBuilder response, Object item, String kind, long id, long version) {
        return response.entity(item).header(HttpHeaders.ETAG, Revisions.tag(kind, id, version)).build();
    }

    /** 200 with a curated item of {@code items} and its ETag. */
    public static Response ok(CuratedItems<?, ?, ?, ?> items, CuratedView item) {
        return response(Response.ok(), item, items.kind(), item.id(), item.version());
    }

    /** 201 with a curated item just created, its ETag, and its address under the request's: {@code name} or its id. */
    public static Response created(CuratedItems<?, ?, ?, ?> items, CuratedView item, String name, UriInfo uri) {
        return response(Response.created(uri.getAbsolutePathBuilder().path(name == null ? String.valueOf(item.id())
                : name).build()), item, items.kind(), item.id(), item.version());
    }
}
