package org.detainerlab.core.ruling;

import java.util.List;

import org.detainerlab.core.curation.KeyedInput;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.VerificationInput;

/**
 * A ruling as a curator writes it. {@code court} is a court key ({@code ca9}); {@code decidedOn} is
 * {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; {@code reviews} name earlier rulings by key;
 * {@code policies} and {@code jurisdictions} are what it affects, by key and code. {@code version} is read only
 * by the import.
 */
public record RulingInput(String key, String court, String caseName, String docket, String citation, String decidedOn,
                          String precision, String disposition, String holding, String note, List<ReviewInput> reviews,
                          List<String> policies, List<String> jurisdictions, List<SourceRef> sources,
                          VerificationInput verification, Long version) implements KeyedInput {

    public record ReviewInput(String relation, String ruling) {
    }
}
