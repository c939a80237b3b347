package org.detainerlab.ingest.map;

import static org.detainerlab.ingest.map.Field.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in mapping profiles for the layouts in which ICE detainer data is published. */
public final class Profiles {

    private static final List<String> ISO_AND_US_DATES = List.of("yyyy-MM-dd", "M/d/yyyy", "M/d/yy");

    /** ICE ERO-LESA Statistical Tracking Unit releases of 2015 (e.g. FOIA 15-87693): six columns. */
    public static final Profile ICE_2015 = new Profile("ice-2015",
            "ICE ERO-LESA row-level detainers, 2015 layout (Prepare Date ... Detainer Lift Reason)",
            ordered("Prepare Date", PREPARE_DATE,
                    "Detainer Type", DETAINER_TYPE,
                    "Detainer Detention Facility", FACILITY,
                    "State", STATE,
                    "City", CITY,
                    "Detainer Lift Reason", LIFT_REASON),
            Set.of(PREPARE_DATE, DETAINER_TYPE, FACILITY, STATE, CITY, LIFT_REASON),
            ISO_AND_US_DATES, Set.of());

    /** ICE releases since 2023 (about 62-66 columns), including the older 2025 header names. */
    public static final Profile ICE_MODERN = new Profile("ice-modern",
            "ICE detainer releases since 2023 (Detainer Prepare Date ... Anonymized Identifier)",
            ordered(
                    "Detainer Prepare Date", PREPARE_DATE,
                    "Facility State", STATE,
                    "Facility AOR", AOR,
                    "Detainer Facility", FACILITY,
                    "Detention Facility", FACILITY,
                    "Detainer Facility Code", FACILITY_CODE,
                    "Detention Facility Code", FACILITY_CODE,
                    "Facility City", CITY,
                    "Detainer Criminality", CRIMINALITY,
                    "Detainer Threat Level", THREAT_LEVEL,
                    "Gender", GENDER,
                    "Citizenship Country", CITIZENSHIP_COUNTRY,
                    "Birth Year", BIRTH_YEAR,
                    "MSC Charge", MSC_CHARGE,
                    "MSC Charge Code", MSC_CHARGE_CODE,
                    "Final Order Yes No", FINAL_ORDER,
                    "Detainer Lift Reason", LIFT_REASON,
                    "Detainer Lift Reason Code", LIFT_REASON_CODE,
                    "Detainer Type", DETAINER_TYPE,
                    "Notify Release Request Yes No", NOTIFY_RELEASE_REQUEST,
                    "Anonymized Identifier", ANONYMIZED_ID,
                    "Unique Identifier", ANONYMIZED_ID),
            Set.of(PREPARE_DATE, STATE, FACILITY, LIFT_REASON, DETAINER_TYPE),
            ISO_AND_US_DATES, Set.of());

    /** The Deportation Data Project's cleaned releases: snake_case names, NA for missing, ISO dates. */
    public static final Profile DDP = new Profile("ddp",
            "Deportation Data Project's cleaned detainer files (snake_case columns, NA for missing)",
            ordered(
                    "detainer_prepare_date", PREPARE_DATE,
                    "facility_state", STATE,
                    "facility_aor", AOR,
                    "detention_facility", FACILITY,
                    "detention_facility_code", FACILITY_CODE,
                    "facility_city", CITY,
                    "detainer_prepared_criminality", CRIMINALITY,
                    "detainer_prep_threat_level", THREAT_LEVEL,
                    "gender", GENDER,
                    "citizenship_country", CITIZENSHIP_COUNTRY,
                    "birth_year", BIRTH_YEAR,
                    "most_serious_conviction_charge", MSC_CHARGE,
                    "msc_charge_code", MSC_CHARGE_CODE,
                    "final_order_yes_no", FINAL_ORDER,
                    "detainer_lift_reason", LIFT_REASON,
                    "detainer_lift_reason_code", LIFT_REASON_CODE,
                    "detainer_type", DETAINER_TYPE,
                    "notify_release_request_yes_no", NOTIFY_RELEASE_REQUEST,
                    "unique_identifier", ANONYMIZED_ID),
            Set.of(PREPARE_DATE, STATE, FACILITY, LIFT_REASON),
            List.of("yyyy-MM-dd"), Set.of("NA"));

    public static final List<Profile> BUILT_IN = List.of(ICE_MODERN, ICE_2015, DDP);

    private Profiles() {
    }

    /** Header and field pairs, kept in the order given (the layout's column order). */
    private static Map<String, Field> ordered(Object... pairs) {
        Map<String, Field> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put((String) pairs[i], (Field) pairs[i + 1]);
        }
        return columns;
    }

    public static Optional<Profile> byName(String name) {
        return BUILT_IN.stream().filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
