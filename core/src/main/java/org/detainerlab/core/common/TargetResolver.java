package org.detainerlab.core.common;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** A resolver made of its parts, for contexts that produce theirs from a producer method. */
    static TargetResolver of(TargetKind kind, Predicate<String> exists) {
        return of(kind, exists, ref -> Optional.empty());
    }

    /** As {@link #of(TargetKind, Predicate)}, for a kind whose references point into a text. */
    static TargetResolver of(TargetKind kind, Predicate<String> exists, Function<String, Optional<String>> text) {
        return new TargetResolver() {
            @Override
            public TargetKind kind() {
                return kind;
            }

            @Override
            public boolean exists(String ref) {
                return exists.test(ref);
            }

            @Override
            public Optional<String> text(String ref) {
                return text.apply(ref);
            }
        };
    }
}
