package org.detainerlab.ingest.agreements;

import org.detainerlab.ingest.report.Rule.Severity;

/**
 * The checks applied to each row of a 287(g) agreement list. Only a row without an agency is not loaded (it names
 * no agreement); every other finding loads the row with the published text kept and the cleaned value left empty
 * where it could not be trusted, and is reported with its first examples.
 */
enum AgreementRule {
    AGENCY_MISSING("agency.missing", Severity.REJECT,
            "law enforcement agency is blank, so the row names no agreement; not loaded"),
    STATE_UNRESOLVED("state.unresolved", Severity.WARNING,
            "state is not a known state, DC or territory name or USPS code; state_id left empty, kept as raw text"),
    MODEL_CORRECTED("model.corrected", Severity.WARNING,
            "support type is a variant or misspelling of a model name; loaded as the one model it matches"
                    + " unambiguously, published text kept in model_raw"),
    MODEL_UNRECOGNISED("model.unrecognised", Severity.WARNING,
            "support type matches none of Jail Enforcement Model, Task Force Model and Warrant Service Officer"
                    + " unambiguously; model left empty, published text kept in model_raw"),
    MODEL_MISSING("model.missing", Severity.WARNING, "support type is blank; model left empty"),
    SIGNED_UNPARSEABLE("signed.unparseable", Severity.WARNING,
            "signed is not a date (an Excel date, yyyy-mm-dd or m/d/yyyy) or is an impossible one such as"
                    + " 2025-02-30; signed_on left empty, published text kept in signed_raw"),
    SIGNED_OUT_OF_RANGE("signed.out_of_range", Severity.WARNING,
            "signed is before " + SignedDates.EARLIEST + ", when 287(g) became law, or after the day of the load;"
                    + " signed_on left empty, published text kept in signed_raw"),
    SIGNED_MISSING("signed.missing", Severity.INFO, "signed is blank on a participating agreement"),
    WHITESPACE_TRIMMED("whitespace.trimmed", Severity.INFO,
            "cell has leading or trailing spaces; trimmed before the value is cleaned (agency, agency_type, state_id,"
                    + " model, signed_on, the links), kept in the raw columns (county_raw among them)"),
    NAME_MISSPELT("name.misspelt", Severity.WARNING,
            "agency or county has a word one slip away from a word such names use (County, Sheriff, Office,"
                    + " Department, Police, ...); kept as published"),
    COUNTY_DIFFERS_FROM_AGENCY("county.differs_from_agency", Severity.WARNING,
            "county is spelt slightly differently from the county the agency is named after, so one of the two is"
                    + " misspelt; both kept as published"),
    COUNTY_PLACEHOLDER("county.placeholder", Severity.INFO,
            "county holds #N/A, #NA or N/A instead of a county (agencies of a state or a city); kept as published"),
    MOA_MISSING("moa.missing", Severity.INFO,
            "participating agreement without a link to its MOA document (the cell reads, e.g., 'link pending');"
                    + " moa_url left empty"),
    LINK_UNWRAPPED("link.unwrapped", Severity.INFO,
            "document link is wrapped by an e-mail safety service or a browser extension; the address inside it"
                    + " is stored");

    private final String key;
    private final Severity severity;
    private final String description;

    AgreementRule(String key, Severity severity, String description) {
        this.key = key;
        this.severity = severity;
        this.description = description;
    }

    /** The rule's name in reports, e.g. {@code model.corrected}. */
    String key() {
        return key;
    }

    Severity severity() {
        return severity;
    }

    String description() {
        return description;
    }
}
