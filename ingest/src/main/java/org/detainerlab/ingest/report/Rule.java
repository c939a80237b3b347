package org.detainerlab.ingest.report;

/**
 * The checks an ingest applies to each row, with what happens when one fails. Rows failing a {@link
 * Severity#REJECT} rule are not loaded and count against the stop threshold; the others load with the value
 * set to missing (or, for a lift reason outside the table, as {@code OTHER_CLOSED}) and are reported.
 */
public enum Rule {
    PREPARE_DATE_UNPARSEABLE("prepare_date.unparseable", Severity.REJECT, "prepare date is not a date in any accepted format"),
    PREPARE_DATE_OUT_OF_RANGE("prepare_date.out_of_range", Severity.REJECT, "prepare date is before 1990-01-01 or in the future"),
    PREPARE_DATE_MISSING("prepare_date.missing", Severity.WARNING, "prepare date is blank"),
    STATE_UNRESOLVED("state.unresolved", Severity.WARNING, "state is not a known state, DC or territory name or code; kept as raw text"),
    FACILITY_UNRESOLVED("facility.unresolved", Severity.INFO, "facility name matches no known facility or alias; kept as raw text"),
    LIFT_REASON_UNMAPPED("lift_reason.unmapped", Severity.WARNING, "lift reason is not in the documented table; counted as OTHER_CLOSED"),
    BIRTH_YEAR_INVALID("birth_year.invalid", Severity.WARNING, "birth year is not a year between 1900 and this year; set to missing"),
    FLAG_INVALID("flag.invalid", Severity.WARNING, "a Yes/No column holds something else; set to missing"),
    REDACTED("redacted", Severity.INFO, "cell holds a FOIA redaction marker (b(6), b(7)(C)); stored as redacted, not as missing"),
    LIKELY_DUPLICATE("likely_duplicate", Severity.INFO, "same prepare date and anonymized identifier as an earlier row; flagged, not dropped"),
    FORMULA_VALUE("cell.formula", Severity.INFO, "cell holds a formula; the value stored with it, as the program that saved the file calculated it, is loaded (formulas are never recalculated)");

    /** What a failed check does to the row. */
    public enum Severity {
        INFO, WARNING, REJECT
    }

    private final String key;
    private final Severity severity;
    private final String description;

    Rule(String key, Severity severity, String description) {
        this.key = key;
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** The rule's name in reports, e.g. {@code prepare_date.unparseable}. */
    public String key() {
        return key;
    }
}
