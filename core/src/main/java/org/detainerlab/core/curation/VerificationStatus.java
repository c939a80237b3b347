package org.detainerlab.core.curation;

public enum VerificationStatus {
    UNVERIFIED, VERIFIED
}
