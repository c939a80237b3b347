package org.detainerlab.core.detainer;

import java.util.List;

/**
 * The conditions of a filter on the person and charge columns of the modern layouts (the 2015 layout has none of
 * them, so its rows never match one): threat level, gender, citizenship country and most serious charge as
 * published, age bands at the prepare date, the notify-release flag, and charge categories (curated, see
 * {@code charge_category}). The rollups do not hold these columns, so a question with any of them reads the rows.
 */
public record Subject(List<String> threatLevels, List<String> genders, List<String> citizenshipCountries,
                      List<AgeBand> ageBands, Boolean notifyRelease, List<String> charges,
                      List<String> chargeCategories) {

    public static final Subject NONE = new Subject(List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());

    /** The parameters these conditions are read from. */
    static final List<String> PARAMETERS = List.of("threatLevel", "gender", "citizenshipCountry", "ageBand",
            "notifyRelease", "mscCharge", "chargeCategory");

    public boolean isEmpty() {
        return equals(NONE);
    }
}
