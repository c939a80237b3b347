package org.detainerlab.core.policy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/**
 * Policies and their events as link and annotation targets. A policy is named by its key; an event by
 * {@code <policy key>/<event type>/<date>} ({@code ca-sb54-2017/EFFECTIVE/2018-01-01}), a natural key that stays
 * true while the policy's other events are edited.
 */
final class PolicyTargets {

    @Produces
    @Singleton
    TargetResolver policies(PolicyRepository policies) {
        return TargetResolver.of(TargetKind.POLICY, ref -> ref != null && policies.findLiveByKey(ref).isPresent());
    }

    @Produces
    @Singleton
    TargetResolver events(PolicyRepository policies) {
        return TargetResolver.of(TargetKind.POLICY_EVENT, ref -> eventExists(policies, ref));
    }

    private static boolean eventExists(PolicyRepository policies, String ref) {
        String[] parts = ref == null ? new String[0] : ref.split("/");
        if (parts.length != 3) {
            return false;
        }
        try {
            PolicyEventType type = PolicyEventType.valueOf(parts[1].toUpperCase(Locale.ROOT));
            LocalDate date = LocalDate.parse(parts[2]);
            return policies.findLiveByKey(parts[0]).map(p -> p.events.stream()
                    .anyMatch(e -> e.type == type && e.date.equals(date))).orElse(false);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }
}
