package org.detainerlab.core.common;

/** The caller may use this operation in general, but not on this item (e.g. editing another user's annotation). */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String detail) {
        super(detail);
    }
}
