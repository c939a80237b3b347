package org.detainerlab.ingest.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.ingest.read.FormulaCells;

/**
 * What an ingest found: per rule, how many rows it hit and the first examples (sheet, row, column, value); the
 * facility names that resolved to nothing, with counts; rows read, loaded and rejected. Serialised as the
 * release's report.
 */
public final class ValidationReport {

    public static final int EXAMPLES_PER_RULE = 10;
    public static final int UNRESOLVED_NAMES_LISTED = 200;

    /** One place a rule was hit. */
    public record Example(String sheet, int row, String column, String value) {
    }

    /** A rule's tally. */
    public record RuleCount(String rule, Rule.Severity severity, String description, long count, List<Example> examples) {
    }

    /** A raw name that resolved to nothing, and how often it occurs. */
    public record NameCount(String name, long rows) {
    }

    private final Map<Rule, long[]> counts = new EnumMap<>(Rule.class);
    private final Map<Rule, List<Example>> examples = new EnumMap<>(Rule.class);
    private final Map<String, long[]> unresolvedFacilities = new HashMap<>();
    private long rowsRead;
    private long rowsRejected;

    public void rowRead() {
        rowsRead++;
    }

    public void rowRejected() {
        rowsRejected++;
    }

    public void hit(Rule rule, String sheet, int row, String column, String value) {
        counts.computeIfAbsent(rule, r -> new long[1])[0]++;
        List<Example> list = examples.computeIfAbsent(rule, r -> new ArrayList<>());
        if (list.size() < EXAMPLES_PER_RULE) {
            list.add(new Example(sheet, row, column, value));
        }
    }

    /** Adds {@code n} hits without examples (rules counted in bulk, such as likely duplicates found in SQL). */
    public void count(Rule rule, long n) {
        if (n > 0) {
            counts.computeIfAbsent(rule, r -> new long[1])[0] += n;
        }
    }

    /** The formula cells of a sheet, read as their stored values: counted, with the first ones as examples. */
    public void formulaCells(FormulaCells cells) {
        count(Rule.FORMULA_VALUE, cells.count());
        for (FormulaCells.Cell cell : cells.first()) {
            List<Example> list = examples.computeIfAbsent(Rule.FORMULA_VALUE, r -> new ArrayList<>());
            if (list.size() < EXAMPLES_PER_RULE) {
                list.add(new Example(cell.sheet(), cell.row(), cell.column(), cell.formula()));
            }
        }
    }

    public void unresolvedFacility(String name) {
        unresolvedFacilities.computeIfAbsent(name, n -> new long[1])[0]++;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long rowsLoaded() {
        return rowsRead - rowsRejected;
    }

    public long count(Rule rule) {
        long[] count = counts.get(rule);
        return count == null ? 0 : count[0];
    }

    public List<RuleCount> rules() {
        List<RuleCount> rules = new ArrayList<>();
        counts.forEach((rule, count) -> rules.add(new RuleCount(rule.key(), rule.severity(), rule.description(),
                count[0], List.copyOf(examples.getOrDefault(rule, List.of())))));
        return rules;
    }

    /** The most frequent unresolved facility names first. */
    public List<NameCount> unresolvedFacilities() {
        return unresolvedFacilities.entrySet().stream()
                .map(e -> new NameCount(e.getKey(), e.getValue()[0]))
                .sorted((a, b) -> a.rows() != b.rows() ? Long.compare(b.rows(), a.rows()) : a.name().compareTo(b.name()))
                .limit(UNRESOLVED_NAMES_LISTED).toList();
    }

    public int distinctUnresolvedFacilities() {
        return unresolvedFacilities.size();
    }

    /** Whether rejected rows exceed the stop threshold. */
    public boolean exceeds(double share) {
        return rowsRead > 0 && (double) rowsRejected / rowsRead > share;
    }

    /** A plain summary of the rejecting rules and their first examples, for error messages. */
    public String describeRejections() {
        StringBuilder text = new StringBuilder();
        for (Rule rule : Rule.values()) {
            if (rule.severity() != Rule.Severity.REJECT || count(rule) == 0) {
                continue;
            }
            text.append(String.format("%n  %s: %,d row(s): %s", rule.key(), count(rule), rule.description()));
            for (Example example : examples.getOrDefault(rule, List.of()).subList(0,
                    Math.min(3, examples.getOrDefault(rule, List.of()).size()))) {
                text.append(String.format("%n    sheet '%s', row %d, column %s: '%s'", example.sheet(), example.row(),
                        example.column(), example.value()));
            }
        }
        return text.toString();
    }

    /** The report as plain maps and lists, ready for JSON. */
    public Map<String, Object> toMap(Thresholds thresholds) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rowsRead", rowsRead);
        map.put("rowsLoaded", rowsLoaded());
        map.put("rowsRejected", rowsRejected);
        map.put("thresholds", Map.of("warnShare", thresholds.warnShare(), "stopShare", thresholds.stopShare()));
        map.put("rejectedAboveWarn", exceeds(thresholds.warnShare()));
        map.put("rules", rules());
        map.put("unresolvedFacilityNames", distinctUnresolvedFacilities());
        map.put("unresolvedFacilities", unresolvedFacilities());
        return map;
    }
}
