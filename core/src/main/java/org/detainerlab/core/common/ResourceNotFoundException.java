package org.detainerlab.core.common;

/** The caller asked for something that does not exist. */
public class ResourceNotFoundException extends RuntimeException {

    private final String kind;
    private final String key;

    public ResourceNotFoundException(String kind, Object key) {
        super("No " + kind + " '" + key + "'");
        this.kind = kind;
        this.key = String.valueOf(key);
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
