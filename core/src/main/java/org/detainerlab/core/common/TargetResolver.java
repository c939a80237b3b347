package org.detainerlab.core.common;

import java.util.Optional;

/**
 * Checks references of one {@link TargetKind}. Each domain context that owns linkable things provides one as a CDI
 * bean; {@link Targets} collects them, so links and annotations can be checked without the checking code knowing
 * every context.
 */
public interface TargetResolver {

    TargetKind kind();

    /** Whether {@code ref}, in this kind's reference format, names something that exists now. */
    boolean exists(String ref);

    /** The text that a passage selector on {@code ref} points into, for kinds that have one. */
    default Optional<String> text(String ref) {
        return Optional.empty();
    }
}
