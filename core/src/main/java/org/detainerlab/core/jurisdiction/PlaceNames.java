package org.detainerlab.core.jurisdiction;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** How published county names are matched to the county seed, whose names carry no "County" or "Parish". */
public final class PlaceNames {

    private static final List<String> COUNTY_WORDS = List.of(" CITY AND BOROUGH", " CENSUS AREA", " MUNICIPALITY",
            " COUNTY", " PARISH", " BOROUGH", " MUNICIPIO");

    public static final int MAX_CODE = 120;

    private PlaceNames() {
    }

    /** Lower case ASCII words joined by hyphens: {@code Sheriff's Office} becomes {@code sheriffs-office}. */
    public static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * The code of a city or agency: a prefix ({@code CI}, {@code AG}), its state's USPS code and its name, e.g.
     * {@code AG-AL-AUTAUGA-COUNTY-SHERIFFS-OFFICE}; at most {@value #MAX_CODE} characters.
     */
    public static String localCode(String prefix, String state, String name) {
        String code = (prefix + "-" + state + "-" + slug(name)).toUpperCase(Locale.ROOT);
        return code.length() <= MAX_CODE ? code : code.substring(0, MAX_CODE).replaceAll("-+$", "");
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
