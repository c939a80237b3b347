package org.detainerlab.core.detainer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A loaded detainer release as provenance names it: what file, which fingerprint, what period it covers, which
 * states it covers (USPS codes; absent when national) and whether an admin withdrew it (a withdrawn release serves
 * no default answer, but a question that names it still reads its rows).
 */
public record ReleaseRef(long id, String title, String fileName, String sha256, LocalDate coverageFrom,
                         LocalDate coverageTo, long rowsLoaded,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> scope,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withdrawn) {
}
