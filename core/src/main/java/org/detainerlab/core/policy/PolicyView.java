package org.detainerlab.core.policy;

import java.util.List;

import org.detainerlab.core.curation.CuratedView;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationView;

/** A policy with its jurisdictions (codes), provisions, sources, verification and events in date order. */
public record PolicyView(long id, String key, String title, PolicyKind kind, String summary, List<String> jurisdictions,
                         List<ProvisionView> provisions, List<SourceRef> sources, VerificationView verification,
                         List<PolicyEventView> events, long version) implements CuratedView {
}
