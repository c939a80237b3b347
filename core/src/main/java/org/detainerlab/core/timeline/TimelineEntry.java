package org.detainerlab.core.timeline;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationStatus;

/**
 * One dated entry of a timeline: a policy's lifecycle event ({@code item} policy, {@code event} its type) or a
 * ruling ({@code item} ruling, {@code event} DECIDED, {@code court} its key, {@code note} its disposition).
 * {@code jurisdictions} are the codes the policy or ruling is attached to; {@code verifiedBy} and
 * {@code verifiedAgainst} name who verified the fact and against which source (null while unverified).
 */
public record TimelineEntry(LocalDate date, DatePrecision precision, String item, String key, String title,
                            String event, String court, List<String> jurisdictions, String note,
                            List<SourceRef> sources, VerificationStatus verification, String verifiedBy,
                            String verifiedAgainst) {
}
