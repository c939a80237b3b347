package org.detainerlab.core.jurisdiction;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How published county names are matched to the county seed, whose names carry no "County" or "Parish". */
public final class PlaceNames {

    private static final List<String> COUNTY_WORDS = List.of(" CITY AND BOROUGH", " CENSUS AREA", " MUNICIPALITY",
            " COUNTY", " PARISH", " BOROUGH", " MUNICIPIO");

    private PlaceNames() {
    }

    /** Upper case without accents, periods and a trailing COUNTY, PARISH ...; SAINT as ST. */
    public static String countyKey(String name) {
        String key = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('\u00A0', ' ').toUpperCase(Locale.ROOT).replace(".", "").replace("(CITY)", "")
                .replaceAll("\\s+", " ").trim();
        for (String word : COUNTY_WORDS) {
            if (key.endsWith(word)) {
                key = key.substring(0, key.length() - word.length()).trim();
                break;
            }
        }
        return key.startsWith("SAINT ") ? "ST " + key.substring(6) : key;
    }
}
