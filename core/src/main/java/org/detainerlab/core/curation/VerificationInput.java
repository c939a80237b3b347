package org.detainerlab.core.curation;

/**
 * What a curator says about verification: the status and, when VERIFIED, the source checked (its citation or
 * its index in the item's sources). Who verified and when come from the request, never from the body.
 */
public record VerificationInput(String status, String source) {
}
