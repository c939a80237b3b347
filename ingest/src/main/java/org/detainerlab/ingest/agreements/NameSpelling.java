package org.detainerlab.ingest.agreements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds agency and county names that are probably misspelt. Names cannot be corrected reliably (there is no
 * list of every agency), so these checks only report; the names load as published.
 *
 * <p>Two checks. First, agency and county names are built from a small vocabulary ({@code County}, {@code
 * Sheriff}, {@code Office}, {@code Department}, {@code Police}, ...): a word that is not in it but is one slip away
 * from one of its words is suspect ({@code Couny}, {@code Departement}, {@code Distric}). One slip is an edit
 * distance of 1, or 2 for words of nine letters or more, after doubled letters are reduced to one (so {@code
 * Sherrif} is caught); four-letter words only count when two letters are swapped ({@code Jial}). Words shorter than
 * four letters are not checked. Words that sit one slip from a place name ({@code Parish}/{@code Paris},
 * {@code Marshal}/{@code Marshall}, {@code State}/{@code Staten}) are left out of the vocabulary, since they would
 * flag real places.
 *
 * <p>Second, an agency named after its county ({@code Pope County Sheriff's Office}) should be in that county: when
 * the COUNTY cell spells the county slightly differently ({@code Pop County}), one of the two is misspelt. Counties
 * spelt entirely differently are not reported: an agency may serve another county than its name says.
 */
final class NameSpelling {

    private static final List<String> VOCABULARY = List.of("county", "sheriff", "office", "department", "police",
            "city", "jail", "correction", "correctional", "detention", "constable", "precinct", "district",
            "township", "borough", "village", "public", "safety", "patrol", "highway", "division", "authority",
            "enforcement", "investigation", "university", "college", "regional", "criminal", "justice", "attorney",
            "commission", "commissioner", "service", "bureau", "national", "municipal", "metropolitan");
    /** Real words one slip from a vocabulary word. */
    private static final Set<String> ALSO_CORRECT = Set.of("country", "officer", "officers");
    private static final Set<String> CORRECT = correctForms();
    private static final int SHORTEST_CHECKED = 4;
    private static final int LONG_WORD = 9;

    private static final Pattern WORD = Pattern.compile("[\\p{L}'\u2019]+");
    private static final Pattern COUNTY_CELL = Pattern.compile("(.+?)\\s+(county|parish|borough)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTY_WORD = Pattern.compile("\\b(county|parish|borough)\\b",
            Pattern.CASE_INSENSITIVE);

    private NameSpelling() {
    }

    /** The words of a name that look misspelt, as written; empty when none does. */
    static List<String> suspectWords(String name) {
        List<String> suspects = new ArrayList<>();
        Matcher words = WORD.matcher(name);
        while (words.find()) {
            if (looksMisspelt(comparable(words.group()))) {
                suspects.add(words.group());
            }
        }
        return suspects;
    }

    /**
     * The county an agency's name gives when the county cell spells it slightly differently ({@code Pope} for
     * agency {@code Pope County Sheriff's Office} and county {@code Pop County}), or null when they agree, when
     * either does not name a county, or when they differ too much to be a misspelling.
     */
    static String countyMisspeltAgainstAgency(String agency, String county) {
        Matcher cell = COUNTY_CELL.matcher(county);
        if (!cell.matches()) {
            return null;
        }
        String countyName = comparable(cell.group(1));
        int words = countyName.split(" ").length;
        String closest = null;
        int closestDistance = Integer.MAX_VALUE;
        Matcher mention = COUNTY_WORD.matcher(agency);
        while (mention.find()) {
            String before = lastWords(agency.substring(0, mention.start()), words);
            if (before == null) {
                continue;
            }
            int distance = EditDistance.between(comparable(before), countyName);
            if (distance == 0) {
                return null;
            }
            if (distance < closestDistance) {
                closestDistance = distance;
                closest = before;
            }
        }
        boolean slip = closest != null && closestDistance <= 2
                && closestDistance * 3 <= Math.max(countyName.length(), comparable(closest).length());
        return slip ? closest : null;
    }

    private static boolean looksMisspelt(String word) {
        if (CORRECT.contains(word) || single(word).length() < SHORTEST_CHECKED) {
            return false;
        }
        for (String known : VOCABULARY) {
            if (known.length() == SHORTEST_CHECKED) {
                if (swapped(word, known)) {
                    return true;
                }
                continue;
            }
            int allowed = known.length() >= LONG_WORD ? 2 : 1;
            if (EditDistance.between(single(word), single(known)) <= allowed
                    || EditDistance.between(single(word), single(known + "s")) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Two adjacent letters swapped, nothing else. */
    private static boolean swapped(String word, String known) {
        if (word.length() != known.length()) {
            return false;
        }
        for (int i = 0; i + 1 < word.length(); i++) {
            if (word.charAt(i) != known.charAt(i)) {
                return word.charAt(i) == known.charAt(i + 1) && word.charAt(i + 1) == known.charAt(i)
                        && word.substring(i + 2).equals(known.substring(i + 2));
            }
        }
        return false;
    }

    /** Lower case, without apostrophes or full stops, spaces collapsed: {@code Sheriff's} is {@code sheriffs}. */
    private static String comparable(String text) {
        return Text.trim(text).toLowerCase(Locale.ROOT).replaceAll("['\u2019.]", "").replaceAll("\\s+", " ");
    }

    /** Runs of one letter reduced to one: {@code sherrif} is {@code sherif}. */
    private static String single(String word) {
        return word.replaceAll("(.)\\1+", "$1");
    }

    /** The last {@code count} words of the text, or null when it has fewer. */
    private static String lastWords(String text, int count) {
        String[] words = Text.trim(text).split("\\s+");
        if (words.length < count || words[0].isEmpty()) {
            return null;
        }
        return String.join(" ", Arrays.copyOfRange(words, words.length - count, words.length));
    }

    private static Set<String> correctForms() {
        Set<String> forms = new HashSet<>(ALSO_CORRECT);
        for (String word : VOCABULARY) {
            forms.add(word);
            forms.add(word + "s");
        }
        return Set.copyOf(forms);
    }
}
