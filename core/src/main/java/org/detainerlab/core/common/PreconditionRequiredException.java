package org.detainerlab.core.common;

/** A change to a curated item came without {@code If-Match}: the caller must show which version they edited. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
