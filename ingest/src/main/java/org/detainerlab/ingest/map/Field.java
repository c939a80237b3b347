package org.detainerlab.ingest.map;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform fields a source column can be mapped to. Each one is a column of the {@code detainer} table;
 * {@code docs/data-dictionary.md} documents them with their source headers per profile.
 */
public enum Field {
    PREPARE_DATE(Kind.DATE),
    DETAINER_TYPE(Kind.TEXT),
    STATE(Kind.TEXT),
    AOR(Kind.TEXT),
    FACILITY(Kind.TEXT),
    FACILITY_CODE(Kind.TEXT),
    CITY(Kind.TEXT),
    CRIMINALITY(Kind.TEXT),
    THREAT_LEVEL(Kind.TEXT),
    LIFT_REASON(Kind.TEXT),
    LIFT_REASON_CODE(Kind.TEXT),
    GENDER(Kind.TEXT),
    CITIZENSHIP_COUNTRY(Kind.TEXT),
    BIRTH_YEAR(Kind.YEAR),
    MSC_CHARGE(Kind.TEXT),
    MSC_CHARGE_CODE(Kind.TEXT),
    FINAL_ORDER(Kind.FLAG),
    NOTIFY_RELEASE_REQUEST(Kind.FLAG),
    ANONYMIZED_ID(Kind.TEXT);

    /** How a field's text is interpreted. */
    public enum Kind {
        TEXT, DATE, YEAR, FLAG
    }

    private final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The name used in mapping files, reports and the data dictionary, e.g. {@code prepare_date}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Field> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
