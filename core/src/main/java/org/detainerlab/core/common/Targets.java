package org.detainerlab.core.common;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every installed {@link TargetResolver}, by kind: the one place that says whether a reference resolves. */
@ApplicationScoped
public class Targets {

    private final Map<TargetKind, TargetResolver> resolvers = new EnumMap<>(TargetKind.class);

    public Targets(@All List<TargetResolver> all) {
        for (TargetResolver resolver : all) {
            if (resolvers.put(resolver.kind(), resolver) != null) {
                throw new IllegalStateException("Two target resolvers for " + resolver.kind());
            }
        }
    }

    /** Why {@code ref} does not resolve, as a field error on {@code field}; empty when it does. */
    public Optional<FieldError> check(TargetKind kind, String ref, String field) {
        TargetResolver resolver = resolvers.get(kind);
        String noun = kind.name().toLowerCase().replace('_', ' ');
        if (resolver == null) {
            return Optional.of(new FieldError(field, noun + " references cannot be checked yet (no resolver for "
                    + kind + " is installed), so they are not accepted", ref));
        }
        if (ref == null || ref.isBlank() || !resolver.exists(ref)) {
            return Optional.of(new FieldError(field, "is not a known " + noun, ref));
        }
        return Optional.empty();
    }

    /** The text a passage selector on {@code ref} points into, where the kind has one. */
    public Optional<String> text(TargetKind kind, String ref) {
        TargetResolver resolver = resolvers.get(kind);
        return resolver == null ? Optional.empty() : resolver.text(ref);
    }
}
