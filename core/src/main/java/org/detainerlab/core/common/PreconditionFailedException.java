package org.detainerlab.core.common;

/** A change to a curated item named a version that is no longer the current one: someone else changed it first. */
public class PreconditionFailedException extends RuntimeException {

    private final String currentTag;

    public PreconditionFailedException(String detail, String currentTag) {
        super(detail);
        this.currentTag = currentTag;
    }

    /** The entity tag of the version now stored, so the caller can fetch it and merge. */
    public String currentTag() {
        return currentTag;
    }
}
