package org.detainerlab.core.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The sentence in every statistics answer's provenance that says how much of it had a known county, and how. */
final class PlaceCoverage {

    private static final List<String> METHODS = List.of("CODE", "NAME_PATTERN", "GAZETTEER", "CURATED");
    private static final Map<String, String> WORDS = Map.of("CODE", "facility code", "NAME_PATTERN", "facility name",
            "GAZETTEER", "city", "CURATED", "curated");

    private PlaceCoverage() {
    }

    static String describe(long known, long all, Map<String, Long> byMethod) {
        if (all == 0) {
            return "County coverage: no rows match.";
        }
        StringJoiner methods = new StringJoiner(", ");
        for (String method : METHODS) {
            methods.add(WORDS.get(method) + " " + percent(byMethod.getOrDefault(method, 0L), all));
        }
        return String.format(Locale.ROOT, "County known for %s of %,d rows: %s; %s unknown.", percent(known, all), all,
                methods, percent(all - known, all));
    }

    private static String percent(long part, long all) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / all);
    }
}
