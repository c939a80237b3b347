package org.detainerlab.core.common;

import java.util.List;

/** An input broke one or more domain rules; every failed check is listed. */
public class ValidationFailedException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super(errors.size() + " field(s) failed validation");
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailedException of(String field, String message, Object rejectedValue) {
        return new ValidationFailedException(List.of(new FieldError(field, message, rejectedValue)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
