package org.detainerlab.core.detainer;

import java.time.LocalDate;

/** A loaded detainer release as provenance names it: what file, which fingerprint, what period it covers. */
public record ReleaseRef(long id, String title, String fileName, String sha256, LocalDate coverageFrom,
                         LocalDate coverageTo, long rowsLoaded) {
}
