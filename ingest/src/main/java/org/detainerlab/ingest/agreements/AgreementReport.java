package org.detainerlab.ingest.agreements;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.ingest.report.Rule.Severity;
import org.detainerlab.ingest.report.Thresholds;
import org.detainerlab.ingest.report.ValidationReport;
import org.detainerlab.ingest.report.ValidationReport.Example;
import org.detainerlab.ingest.report.ValidationReport.RuleCount;

/**
 * What loading an agreement list found. Rows read and rejected are counted in a {@link ValidationReport}, which
 * also holds what the reader found in any file (formula cells); the agreement rules are tallied here and written
 * beside those in the same shape (rule, severity, description, count, first examples) under {@code rules}, so that
 * a release's report reads the same whichever loader wrote it.
 */
final class AgreementReport {

    private final ValidationReport rows = new ValidationReport();
    private final Map<AgreementRule, long[]> counts = new EnumMap<>(AgreementRule.class);
    private final Map<AgreementRule, List<Example>> examples = new EnumMap<>(AgreementRule.class);

    ValidationReport rows() {
        return rows;
    }

    void hit(AgreementRule rule, String sheet, int row, String column, String value) {
        counts.computeIfAbsent(rule, r -> new long[1])[0]++;
        List<Example> list = examples.computeIfAbsent(rule, r -> new ArrayList<>());
        if (list.size() < ValidationReport.EXAMPLES_PER_RULE) {
            list.add(new Example(sheet, row, column, value));
        }
    }

    /** The agreement rules hit, then the rules of any file (formula cells). */
    List<RuleCount> rules() {
        List<RuleCount> rules = new ArrayList<>();
        counts.forEach((rule, count) -> rules.add(new RuleCount(rule.key(), rule.severity(), rule.description(),
                count[0], List.copyOf(examples.getOrDefault(rule, List.of())))));
        rules.addAll(rows.rules());
        return rules;
    }

    /** The rejecting rules with their first examples, for the message of a load that stopped. */
    String describeRejections() {
        StringBuilder text = new StringBuilder();
        counts.forEach((rule, count) -> {
            if (rule.severity() != Severity.REJECT) {
                return;
            }
            text.append(String.format("%n  %s: %,d row(s): %s", rule.key(), count[0], rule.description()));
            examples.getOrDefault(rule, List.of()).stream().limit(3).forEach(example -> text.append(String.format(
                    "%n    sheet '%s', row %d, column %s: '%s'", example.sheet(), example.row(), example.column(),
                    example.value())));
        });
        return text.toString();
    }

    /**
     * The report as written to the release: the row counts and thresholds of {@link ValidationReport#toMap}, the
     * agreement rules, the layout read, and the columns of the header that no layout uses (their cells are not
     * loaded). Facility names, which agreement lists do not have, are left out.
     */
    Map<String, Object> toMap(Thresholds thresholds, String layout, List<String> ignoredColumns) {
        Map<String, Object> map = new LinkedHashMap<>(rows.toMap(thresholds));
        map.remove("unresolvedFacilityNames");
        map.remove("unresolvedFacilities");
        map.put("rules", rules());
        map.put("layout", layout);
        map.put("ignoredColumns", ignoredColumns);
        return map;
    }
}
