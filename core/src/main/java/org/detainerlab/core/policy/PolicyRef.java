package org.detainerlab.core.policy;

import java.util.List;

/**
 * A policy as an answer cites it: id, key, title and the version read (its ETag names it), its jurisdictions
 * (codes) and the days on which it was in force.
 */
public record PolicyRef(long id, String key, String title, long version, List<String> jurisdictions,
                        List<InForce.Span> inForce) {

    public static PolicyRef of(PolicyView policy) {
        return new PolicyRef(policy.id(), policy.key(), policy.title(), policy.version(), policy.jurisdictions(),
                InForce.spans(policy.events()));
    }
}
