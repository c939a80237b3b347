package org.detainerlab.core.place;

import java.util.List;
import java.util.Map;

/**
 * What the resolver concluded for one published place. {@code county} is the county code it proposes (null when it
 * found none); {@code ambiguous} says it found several and so applies none until a curator chooses among the
 * {@code candidates}. {@code evidence} is what the conclusion rests on, for a reader to check.
 */
public record Resolution(PlaceMethod method, String county, double confidence, boolean ambiguous,
                         Map<String, Object> evidence, List<Candidate> candidates) {

    /** A county the place may lie in, and why. */
    public record Candidate(String county, String name, String why) {
    }

    /** The county that statistics may use without a curator: only an unambiguous one. */
    public String applied() {
        return ambiguous ? null : county;
    }
}
