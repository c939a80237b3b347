package org.detainerlab.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.detainerlab.core.detainer.Outcome;

/**
 * The documented mapping from ICE's {@code Detainer Lift Reason} to an {@link Outcome}; see
 * {@code docs/data-dictionary.md}. A blank reason is {@link Outcome#UNKNOWN}, never "honoured".
 */
public final class LiftReasons {

    private static final Map<String, Outcome> KNOWN = Map.ofEntries(
            Map.entry("detainer declined by lea", Outcome.DECLINED),
            Map.entry("booked into detention", Outcome.ICE_CUSTODY),
            Map.entry("lifted", Outcome.LIFTED),
            Map.entry("lifted - lack of funds", Outcome.LIFTED),
            Map.entry("lifted - lack of space", Outcome.LIFTED),
            Map.entry("prosecutorial discretion", Outcome.LIFTED),
            Map.entry("alien not subject to deportation", Outcome.LIFTED),
            Map.entry("noncitizen not amenable to removal", Outcome.LIFTED),
            Map.entry("united states citizen interviewed", Outcome.LIFTED),
            Map.entry("usc or presumptive claim to us citizenship", Outcome.LIFTED),
            Map.entry("case closed", Outcome.OTHER_CLOSED),
            Map.entry("transferred", Outcome.OTHER_CLOSED),
            Map.entry("early release", Outcome.OTHER_CLOSED),
            Map.entry("died", Outcome.OTHER_CLOSED),
            Map.entry("judicial review", Outcome.OTHER_CLOSED),
            Map.entry("no longer in state, local, or federal custody", Outcome.OTHER_CLOSED));

    private LiftReasons() {
    }

    /**
     * The outcome of a raw lift reason: {@link Outcome#UNKNOWN} when blank, empty when the text is not in the
     * documented table (the caller reports it rather than guessing).
     */
    public static Optional<Outcome> outcomeOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(Outcome.UNKNOWN);
        }
        return Optional.ofNullable(KNOWN.get(raw.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
    }
}
