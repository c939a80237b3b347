package org.detainerlab.core.common;

/** A query parameter cannot be understood (malformed, unknown value, or inconsistent with another). */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
