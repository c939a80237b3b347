package org.detainerlab.core.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.FieldError;

/** Checks the sources of a curated item or event, and stores them as a JSON list. */
@ApplicationScoped
public class SourceCodec {

    private static final TypeReference<List<SourceRef>> LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public SourceCodec(ObjectMapper json) {
        this.json = json;
    }

    /** At least one source, each with a citation and, where given, an http(s) URL; trimmed, blanks as null. */
    public static List<SourceRef> check(List<SourceRef> sources, String field, List<FieldError> errors) {
        if (sources == null || sources.isEmpty()) {
            errors.add(new FieldError(field, "needs at least one source (citation, and where there is one, URL and"
                    + " quoted passage)", null));
            return List.of();
        }
        List<SourceRef> cleaned = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceRef source = sources.get(i);
            String at = field + "[" + i + "]";
            if (source == null || blank(source.citation())) {
                errors.add(new FieldError(at + ".citation", "is required", null));
                continue;
            }
            String url = blank(source.url()) ? null : source.url().trim();
            if (url != null && !isWebAddress(url)) {
                errors.add(new FieldError(at + ".url", "must be an http or https URL", source.url()));
            }
            cleaned.add(new SourceRef(source.citation().trim(), url, blank(source.quote()) ? null : source.quote().trim()));
        }
        return cleaned;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String write(List<SourceRef> sources) {
        try {
            return json.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write sources as JSON", e);
        }
    }

    public List<SourceRef> read(String stored) {
        try {
            return json.readValue(stored, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources are not valid JSON", e);
        }
    }
}
