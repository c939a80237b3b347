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
            if (node.getKind() == ElementKind.PROPERTY
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName() + (node.getIndex() == null ? "" : "[" + node.getIndex() + "]"));
            }
        }
        return String.join(".", names);
    }
}
