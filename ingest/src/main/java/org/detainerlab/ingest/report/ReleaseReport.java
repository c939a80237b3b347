package org.detainerlab.ingest.report;

import java.util.List;
import java.util.Map;

/**
 * A release's report as its loader wrote it with the release, whatever the kind: the rules it hit, every kind's in
 * the same shape, and the whole document (row counts, thresholds, rules and what the kind adds), which the API
 * serves and the CLI copies to a file.
 */
public record ReleaseReport(List<ValidationReport.RuleCount> rules, Map<String, Object> document) {

    public ReleaseReport {
        rules = List.copyOf(rules);
    }
}
