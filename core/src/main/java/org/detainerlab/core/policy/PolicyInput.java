package org.detainerlab.core.policy;

import java.util.List;

import org.detainerlab.core.curation.KeyedInput;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationInput;

/**
 * A policy as a curator writes it (POST, PUT, import). Vocabularies are text so that an unknown value is a field
 * error. {@code version} is read only by the import, as the version an exported file was taken from; PUT,
 * PATCH and DELETE rely on If-Match instead.
 */
public record PolicyInput(String key, String title, String kind, String summary, List<String> jurisdictions,
                          List<ProvisionInput> provisions, List<SourceRef> sources, VerificationInput verification,
                          List<PolicyEventInput> events, Long version) implements KeyedInput {
}
