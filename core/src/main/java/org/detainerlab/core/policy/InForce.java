package org.detainerlab.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a policy is in force on a date, from its events alone. Events up to the date are replayed in date
 * order (events of one day in the order of {@link PolicyEventType}): EFFECTIVE puts the policy in force;
 * ENJOINED and STRUCK_DOWN suspend it, and a later UPHELD lifts the suspension (an injunction recorded before the
 * effective date keeps it out of force from that date until an UPHELD); REPEALED and EXPIRED end it until a later
 * EFFECTIVE. A date known only to the month or year counts from the first day of that period.
 */
public final class InForce {

    static final Comparator<PolicyEventView> ORDER = Comparator.comparing(PolicyEventView::date)
            .thenComparing(PolicyEventView::type);

    private InForce() {
    }

    /** Days from..to (both included) on which a policy is in force; {@code to} is null while it still is. */
    public record Span(LocalDate from, LocalDate to) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /**
     * Every stretch of days on which the policy is in force, oldest first. The answer can change only on an
     * event's date, so the rule is read once per distinct date and holds until the next.
     */
    public static List<Span> spans(List<PolicyEventView> events) {
        List<LocalDate> dates = events.stream().map(PolicyEventView::date).distinct().sorted().toList();
        List<Span> spans = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate date : dates) {
            boolean inForce = since(events, date).isPresent();
            if (inForce && start == null) {
                start = date;
            } else if (!inForce && start != null) {
                spans.add(new Span(start, date.minusDays(1)));
                start = null;
            }
        }
        if (start != null) {
            spans.add(new Span(start, null));
        }
        return spans;
    }

    /** The event from which the policy has been in force on {@code at} (an EFFECTIVE or UPHELD), or empty. */
    public static Optional<PolicyEventView> since(List<PolicyEventView> events, LocalDate at) {
        boolean effective = false;
        boolean suspended = false;
        boolean ended = false;
        PolicyEventView since = null;
        for (PolicyEventView event : events.stream().filter(e -> !e.date().isAfter(at)).sorted(ORDER).toList()) {
            boolean wasInForce = effective && !suspended && !ended;
            switch (event.type()) {
                case EFFECTIVE -> {
                    effective = true;
                    ended = false;
                }
                case ENJOINED, STRUCK_DOWN -> suspended = true;
                case UPHELD -> suspended = false;
                case REPEALED, EXPIRED -> ended = true;
                default -> {
                }
            }
            boolean inForce = effective && !suspended && !ended;
            if (inForce && !wasInForce) {
                since = event;
            }
            if (!inForce) {
                since = null;
            }
        }
        return Optional.ofNullable(since);
    }
}
