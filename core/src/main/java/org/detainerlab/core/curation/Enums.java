package org.detainerlab.core.curation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.detainerlab.core.common.FieldError;

/** Curated input names its vocabularies as text, so an unknown value is a field error (422), not unreadable JSON. */
public final class Enums {

    private Enums() {
    }

    /** The constant named by {@code text} in any case, or null with a field error listing the allowed values. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required, one of " + Arrays.toString(type.getEnumConstants()), text));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not one of " + Arrays.toString(type.getEnumConstants()), text));
            return null;
        }
    }
}
