package org.detainerlab.core.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationInput;

/**
 * A provision as a curator writes it: its name, the sources that state it, and verification. A bare name (the
 * form of files exported before provisions had sources) reads as a provision without sources of its own, which
 * then rests on the policy's sources.
 */
public record ProvisionInput(String provision, List<SourceRef> sources, VerificationInput verification) {

    @JsonCreator
    public ProvisionInput(@JsonProperty("provision") String provision, @JsonProperty("sources") List<SourceRef> sources,
                          @JsonProperty("verification") VerificationInput verification) {
        this.provision = provision;
        this.sources = sources;
        this.verification = verification;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProvisionInput named(String provision) {
        return new ProvisionInput(provision, null, null);
    }
}
