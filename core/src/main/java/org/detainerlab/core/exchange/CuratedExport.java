package org.detainerlab.core.exchange;

import java.time.OffsetDateTime;
import java.util.List;

import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.ruling.RulingView;

public record CuratedExport(String format, int formatVersion, OffsetDateTime exportedAt, List<PolicyView> policies,
                            List<RulingView> rulings) {
}
