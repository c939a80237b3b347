package org.detainerlab.core.caserecord;

import java.time.OffsetDateTime;
import java.util.List;

/** A case record in search results. */
public record CaseRecordSummary(long id, long version, String title, List<String> jurisdictions,
                                List<EventType> eventTypes, boolean verified, OffsetDateTime updatedAt) {

    static CaseRecordSummary of(CaseRecord c) {
        return new CaseRecordSummary(c.id, c.version, c.title, List.copyOf(c.jurisdictions),
                c.events.stream().map(e -> e.type).distinct().toList(), c.verified, c.updatedAt);
    }
}
