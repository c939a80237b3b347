package org.detainerlab.core.policy;

/** Lifecycle events of a policy, in the order in which events of one day are replayed. */
public enum PolicyEventType {
    INTRODUCED, SIGNED, ADOPTED, EFFECTIVE, AMENDED, ENJOINED, UPHELD, STRUCK_DOWN, REPEALED, EXPIRED
}
