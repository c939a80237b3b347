package org.detainerlab.core.curation;

import java.util.List;
import java.util.regex.Pattern;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ValidationFailedException;

/** Input rules shared by the services of curated items. */
public final class Curation {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_KEY = 120;

    private Curation() {
    }

    public static void checkKey(String key, String field, String example, List<FieldError> errors) {
        if (key == null || key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
            errors.add(new FieldError(field, "is required: lower-case letters, digits and single hyphens, at most "
                    + MAX_KEY + " characters (e.g. " + example + ")", key));
        }
    }

    public static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** How an import entry that would overwrite a change made since its export is described. */
    public static String staleEntry(String key, Long fileVersion, long storedVersion) {
        return key + " (file: " + (fileVersion == null ? "no version" : "version " + fileVersion) + ", stored: version "
                + storedVersion + ")";
    }

    /** The 409 of an import with stale entries; nothing of it is written. */
    public static void failOnStale(String kinds, List<String> stale) {
        if (!stale.isEmpty()) {
            throw new ConflictException("These " + kinds + " differ from the stored ones and the file does not carry"
                    + " their current version, so importing would overwrite changes made since: "
                    + String.join(", ", stale));
        }
    }
}
