package org.detainerlab.core.detainer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.detainerlab.core.common.InvalidQueryException;

/**
 * The fields of a detainer row as the API names them, with the SQL that reads each (over {@code detainer d}, its
 * place {@code p}, the place's curated facility {@code f} as {@link RowFacility} says, state {@code s} and county
 * {@code c}). Provenance (release, sheet, row) is in every answer whatever {@code fields=} says.
 */
public enum DetainerField {
    RELEASE_ID("releaseId", "d.release_id"),
    SOURCE_SHEET("sourceSheet", "d.source_sheet"),
    SOURCE_ROW("sourceRow", "d.source_row"),
    PREPARE_DATE("prepareDate", "d.prepare_date"),
    FISCAL_YEAR("fiscalYear", "extract(year from d.prepare_date + interval '3 months')::int"),
    DETAINER_TYPE("detainerType", "d.detainer_type"),
    FACILITY_RAW("facilityRaw", "d.facility_raw"),
    FACILITY_ID("facilityId", RowFacility.ID),
    FACILITY("facility", "f.name"),
    FACILITY_CODE("facilityCode", "d.facility_code"),
    CITY("city", "d.city_raw"),
    COUNTY("county", "c.code"),
    STATE_RAW("stateRaw", "d.state_raw"),
    STATE("state", "s.code"),
    AOR("aor", "d.aor"),
    LIFT_REASON("liftReason", "d.lift_reason_raw"),
    LIFT_REASON_CODE("liftReasonCode", "d.lift_reason_code"),
    OUTCOME("outcome", "d.outcome"),
    CRIMINALITY("criminality", "d.criminality"),
    THREAT_LEVEL("threatLevel", "d.threat_level"),
    GENDER("gender", "d.gender"),
    CITIZENSHIP_COUNTRY("citizenshipCountry", "d.citizenship_country"),
    BIRTH_YEAR("birthYear", "d.birth_year"),
    MSC_CHARGE("mscCharge", "d.msc_charge"),
    MSC_CHARGE_CODE("mscChargeCode", "d.msc_charge_code"),
    FINAL_ORDER("finalOrder", "d.final_order"),
    NOTIFY_RELEASE_REQUEST("notifyReleaseRequest", "d.notify_release_request"),
    ANONYMIZED_ID("anonymizedId", "d.anonymized_id"),
    LIKELY_DUPLICATE("likelyDuplicate", "d.likely_duplicate"),
    REDACTED("redacted", "d.redacted");

    public final String json;
    final String sql;

    DetainerField(String json, String sql) {
        this.json = json;
        this.sql = sql;
    }

    private static final Set<DetainerField> PROVENANCE = EnumSet.of(RELEASE_ID, SOURCE_SHEET, SOURCE_ROW);

    /** The fields asked for, provenance first, in the order of this enum; all fields when none is named. */
    static List<DetainerField> parse(List<String> names) {
        if (names.isEmpty()) {
            return List.of(values());
        }
        Set<DetainerField> chosen = EnumSet.copyOf(PROVENANCE);
        for (String name : names) {
            chosen.add(of(name));
        }
        return new ArrayList<>(chosen);
    }

    private static DetainerField of(String name) {
        for (DetainerField field : values()) {
            if (field.json.equals(name)) {
                return field;
            }
        }
        throw new InvalidQueryException("fields", "'" + name + "' is not a detainer field; fields are "
                + List.of(values()).stream().map(f -> f.json).toList());
    }
}
