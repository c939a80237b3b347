package org.detainerlab.core.common;

/** The request is valid on its own but clashes with what is already stored (e.g. a duplicate key). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
