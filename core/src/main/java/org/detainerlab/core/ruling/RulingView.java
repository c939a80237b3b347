package org.detainerlab.core.ruling;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.CuratedView;
import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationView;

/**
 * A ruling. {@code reviews}: what it did to earlier rulings; {@code subsequentHistory}: what later rulings did
 * to it (read only, from their {@code reviews}).
 */
public record RulingView(long id, String key, String court, String courtName, String caseName, String docket,
                         String citation, LocalDate decidedOn, DatePrecision precision, String disposition,
                         String holding, String note, List<Link> reviews, List<Link> subsequentHistory, List<String> policies,
                         List<String> jurisdictions, List<SourceRef> sources, VerificationView verification,
                         long version) implements CuratedView {

    public record Link(ReviewRelation relation, String ruling) {
    }
}
