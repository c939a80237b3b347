package org.detainerlab.core.common;

/** One failed check on an input: which field, what was wrong, and the rejected value (may be null). */
public record FieldError(String field, String message, Object rejectedValue) {
}
