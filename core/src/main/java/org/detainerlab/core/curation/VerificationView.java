package org.detainerlab.core.curation;

import java.time.OffsetDateTime;

public record VerificationView(VerificationStatus status, String by, OffsetDateTime at, String source) {
}
