package org.detainerlab.core.release;

/** Where a release is in its life: rows are visible to queries only once it is LOADED. */
public enum ReleaseStatus {
    LOADING, LOADED, FAILED
}
