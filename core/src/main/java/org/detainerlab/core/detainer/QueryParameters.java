package org.detainerlab.core.detainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * A request's query parameters as the detainer and statistics queries read them: a parameter may repeat and may
 * hold comma-separated values; blanks are ignored. A parameter the query does not know is an error, so that a
 * typo ({@code groupby} for {@code groupBy}) never silently answers a different question.
 */
public final class QueryParameters {

    private final Map<String, List<String>> raw;

    public QueryParameters(Map<String, List<String>> raw) {
        this.raw = raw;
    }

    public static QueryParameters of(Map<String, List<String>> raw) {
        return new QueryParameters(raw);
    }

    public void requireKnown(Set<String> known) {
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                String hint = known.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                throw new InvalidQueryException(name, "is not a parameter of this query" + hint + "; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** Every value of the parameter, commas split, trimmed, blanks dropped. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String value : raw.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    /** Every value of a repeatable free-text parameter (commas kept: facility names hold them), blanks dropped. */
    public List<String> repeated(String name) {
        return raw.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(String::trim).toList();
    }

    /** The one value of the parameter, or null when absent; more than one is an error. */
    public String single(String name) {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "takes one value, not " + values.size());
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** A whole value as sent (commas kept), for parameters such as cursors and free text. */
    public String text(String name) {
        List<String> values = raw.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new InvalidQueryException(name, "takes one value, not " + values.size());
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }

    public Integer integer(String name, int min, int max) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new InvalidQueryException(name, "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name, "'" + value + "' is not a whole number");
        }
    }

    public boolean flag(String name) {
        String value = single(name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidQueryException(name, "must be true or false, not '" + value + "'");
    }
}
