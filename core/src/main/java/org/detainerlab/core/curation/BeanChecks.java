package org.detainerlab.core.curation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.FieldError;

/** Bean Validation constraints of an input as field errors, named as the API names a body's fields. */
public final class BeanChecks {

    private BeanChecks() {
    }

    /** Adds a field error (prefixed with {@code at}) per failed constraint; true when none failed. */
    public static boolean check(Validator validator, Object input, String at, List<FieldError> errors) {
        int failures = errors.size();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            errors.add(new FieldError(at + field(violation.getPropertyPath()), violation.getMessage(),
                    violation.getInvalidValue()));
        }
        return errors.size() == failures;
    }

    /** The body field a constraint's path names ({@code sources[0].url}); empty for a method's parameter itself. */
    public static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            // Bean Validation puts a list element's index on the node inside the element (for sources[0].url the
            // 0 is on "url"), so it belongs to the name before; a list's own element ("<list element>") has no name.
            Object index = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && index != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + index + "]");
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                names.add(node.getName());
            }
        }
        return String.join(".", names);
    }
}
