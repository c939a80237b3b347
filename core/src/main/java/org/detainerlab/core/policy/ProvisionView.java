package org.detainerlab.core.policy;

import java.util.List;

import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationView;

/** A provision of a policy with the sources that state it and their verification. */
public record ProvisionView(Provision provision, List<SourceRef> sources, VerificationView verification) {
}
