package org.detainerlab.ingest.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the model a SUPPORT TYPE cell names, also when it is misspelt or worded differently
 * ({@code Jail Enforcment Model}, {@code Task Force}, {@code Warrant Service Officer Program}, {@code WSO}).
 *
 * <p>Words that do not tell the models apart ({@code Model}, {@code Program}, {@code 287(g)}) are dropped, and what
 * remains is compared with each model's distinctive words by edit distance relative to length. A cell is
 * recognised only when one model is close (at most {@value #MAX_DISTANCE} of the letters differ) and every other
 * model is clearly further ({@value #MIN_MARGIN} more); two models in one cell, or anything else, stay unrecognised.
 */
final class ModelNames {

    static final double MAX_DISTANCE = 0.2;
    static final double MIN_MARGIN = 0.2;

    private static final Set<String> FILLER = Set.of("model", "program", "programme", "g");

    /** What a cell says: the model, and whether the cell spells it exactly as ICE does (after trimming). */
    record Match(SupportModel model, boolean exact) {
    }

    private ModelNames() {
    }

    /** The model of a trimmed, non-blank cell, or null when no model matches unambiguously. */
    static Match match(String trimmed) {
        for (SupportModel model : SupportModel.values()) {
            if (model.published().equals(trimmed)) {
                return new Match(model, true);
            }
        }
        String words = distinctiveWords(trimmed);
        for (SupportModel model : SupportModel.values()) {
            if (model.abbreviation().toLowerCase(Locale.ROOT).equals(words)) {
                return new Match(model, false);
            }
        }
        SupportModel best = null;
        double bestDistance = Double.MAX_VALUE;
        double secondDistance = Double.MAX_VALUE;
        for (SupportModel model : SupportModel.values()) {
            double distance = EditDistance.normalised(words, distinctiveWords(model.published()));
            if (distance < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = model;
            } else if (distance < secondDistance) {
                secondDistance = distance;
            }
        }
        boolean unambiguous = bestDistance <= MAX_DISTANCE && secondDistance - bestDistance >= MIN_MARGIN;
        return unambiguous ? new Match(best, false) : null;
    }

    /** Lower-case letters only, words separated by one space, filler words left out. */
    private static String distinctiveWords(String text) {
        List<String> kept = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                kept.add(word);
            }
        }
        return String.join(" ", kept);
    }
}
