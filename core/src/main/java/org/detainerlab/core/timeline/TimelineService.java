package org.detainerlab.core.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.policy.PolicyEventView;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.ruling.RulingService;
import org.detainerlab.core.ruling.RulingView;

/**
 * What applies to a place: its own policies and rulings and those of every enclosing jurisdiction (a county's
 * state and the nation), since state and federal law apply inside a county.
 */
@ApplicationScoped
public class TimelineService {

    private final JurisdictionRepository jurisdictions;
    private final PolicyService policies;
    private final RulingService rulings;

    public TimelineService(JurisdictionRepository jurisdictions, PolicyService policies, RulingService rulings) {
        this.jurisdictions = jurisdictions;
        this.policies = policies;
        this.rulings = rulings;
    }

    /** Policy events and rulings dated from {@code from} to {@code to} (a date's first day counts), oldest first. */
    @Transactional
    public Timeline timeline(String code, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "'" + from + "' is after 'to' (" + to + ")");
        }
        List<Jurisdiction> chain = chain(code);
        List<Long> ids = chain.stream().map(j -> j.id).toList();
        List<TimelineEntry> entries = new ArrayList<>();
        for (PolicyView policy : policies.ofJurisdictions(ids)) {
            for (PolicyEventView event : policy.events()) {
                entries.add(new TimelineEntry(event.date(), event.precision(), "policy", policy.key(), policy.title(),
                        event.type().name(), null, policy.jurisdictions(), event.note(), event.sources(),
                        event.verification().status(), event.verification().by(), event.verification().source()));
            }
        }
        for (RulingView ruling : rulings.affecting(ids)) {
            entries.add(new TimelineEntry(ruling.decidedOn(), ruling.precision(), "ruling", ruling.key(),
                    ruling.caseName() + (ruling.citation() == null ? "" : ", " + ruling.citation()), "DECIDED",
                    ruling.court(), ruling.jurisdictions(), ruling.disposition(), ruling.sources(),
                    ruling.verification().status(), ruling.verification().by(), ruling.verification().source()));
        }
        List<TimelineEntry> inRange = entries.stream()
                .filter(e -> (from == null || !e.date().isBefore(from)) && (to == null || !e.date().isAfter(to)))
                .sorted(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::item)
                        .thenComparing(TimelineEntry::key).thenComparing(TimelineEntry::event))
                .toList();
        return new Timeline(chain.get(0).code, codes(chain), from, to, inRange);
    }

    @Transactional
    public PoliciesInForce inForce(String code, LocalDate at) {
        List<Jurisdiction> chain = chain(code);
        return new PoliciesInForce(chain.get(0).code, codes(chain), at,
                policies.inForce(chain.stream().map(j -> j.id).toList(), at));
    }

    /** The jurisdiction and its enclosing ones, up to the nation. */
    private List<Jurisdiction> chain(String code) {
        Jurisdiction place = jurisdictions.findByCode(code.trim().toUpperCase())
                .orElseThrow(() -> new ResourceNotFoundException("jurisdiction", code));
        List<Jurisdiction> chain = new ArrayList<>();
        for (Jurisdiction j = place; j != null && !chain.contains(j); j = j.parent) {
            chain.add(j);
        }
        return chain;
    }

    private static List<String> codes(List<Jurisdiction> chain) {
        return chain.stream().map(j -> j.code).toList();
    }
}
