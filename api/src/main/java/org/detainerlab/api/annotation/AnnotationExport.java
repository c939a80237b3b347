package org.detainerlab.api.annotation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.annotation.AnnotationView;
import org.detainerlab.core.common.Csv;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.TargetKind;

/** Annotations as W3C Web Annotation JSON-LD and as a flat CSV table. */
final class AnnotationExport {

    static final String JSON_LD = "application/ld+json";
    static final String CSV = "text/csv";
    private static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    private static final List<String> COLUMNS = List.of("id", "parent_id", "target_kind", "target_ref", "target_field",
            "quote_exact", "quote_prefix", "quote_suffix", "position_start", "position_end", "orphaned", "visibility",
            "team", "author", "created", "modified", "tags", "hidden_reason", "body");

    private AnnotationExport() {
    }

    /** An AnnotationCollection whose first page holds this page's annotations. */
    static Map<String, Object> jsonLd(Page<AnnotationView> page, URI request, URI base) {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", request.toString());
        first.put("type", "AnnotationPage");
        first.put("startIndex", (long) page.page() * page.size());
        first.put("items", page.items().stream().map(a -> annotation(a, base)).toList());
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", CONTEXT);
        collection.put("id", request.toString());
        collection.put("type", "AnnotationCollection");
        collection.put("label", "DetainerLab annotations");
        collection.put("total", page.total());
        collection.put("first", first);
        return collection;
    }

    private static Map<String, Object> annotation(AnnotationView a, URI base) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", base.resolve("api/v1/annotations/" + a.id()).toString());
        json.put("type", "Annotation");
        json.put("motivation", a.parentId() == null ? "commenting" : "replying");
        json.put("created", a.created().toString());
        json.put("modified", a.modified().toString());
        json.put("creator", Map.of("id", "urn:detainerlab:user:" + encode(a.author()), "type", "Person",
                "nickname", a.author()));
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(Map.of("type", "TextualBody", "value", a.body(), "format", "text/markdown"));
        a.tags().forEach(tag -> bodies.add(Map.of("type", "TextualBody", "purpose", "tagging", "value", tag)));
        json.put("body", bodies);
        json.put("target", a.parentId() == null ? target(a.target(), base)
                : base.resolve("api/v1/annotations/" + a.parentId()).toString());
        return json;
    }

    private static Object target(AnnotationView.Target target, URI base) {
        if (target.kind() == TargetKind.CASE_RECORD) {
            return base.resolve("api/v1/case-records/" + target.ref()).toString();
        }
        if (target.kind() == TargetKind.CASE_PASSAGE) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", base.resolve("api/v1/case-records/" + target.ref()).toString());
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("type", "TextQuoteSelector");
            quote.put("exact", target.quote().exact());
            quote.put("prefix", target.quote().prefix());
            quote.put("suffix", target.quote().suffix());
            json.put("selector", List.of(quote, Map.of("type", "TextPositionSelector",
                    "start", target.position().start(), "end", target.position().end())));
            return json;
        }
        return "urn:detainerlab:" + target.kind().name().toLowerCase().replace('_', '-') + ":" + encode(target.ref())
                + (target.field() == null ? "" : "#" + target.field());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /** One row per annotation; tags joined by '; '. */
    static String csv(Page<AnnotationView> page) {
        Csv table = new Csv(COLUMNS);
        for (AnnotationView a : page.items()) {
            AnnotationView.Target t = a.target();
            table.row(a.id(), a.parentId(), t.kind().name(), t.ref(), t.field(),
                    t.quote() == null ? null : t.quote().exact(),
                    t.quote() == null ? null : t.quote().prefix(),
                    t.quote() == null ? null : t.quote().suffix(),
                    t.position() == null ? null : t.position().start(),
                    t.position() == null ? null : t.position().end(),
                    t.orphaned(), a.visibility().name(), a.team(), a.author(), a.created(), a.modified(),
                    String.join("; ", a.tags()), a.hidden() == null ? null : a.hidden().reason(), a.body());
        }
        return table.toString();
    }
}
