package org.detainerlab.core.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.curation.VerificationStatus;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionKind;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.policy.InForce;
import org.detainerlab.core.policy.PolicyEventView;
import org.detainerlab.core.policy.PolicyService;
import org.detainerlab.core.policy.PolicyView;
import org.detainerlab.core.policy.Provision;
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

    /**
     * Every jurisdiction where a live policy with {@code provision} is in force on {@code at}, nation first, then
     * states, counties, cities and agencies, each by code.
     */
    @Transactional
    public PlacesInForce placesWith(Provision provision, LocalDate at) {
        Map<String, List<PlacesInForce.PolicyInForce>> byCode = new HashMap<>();
        for (PolicyView policy : policies.withProvision(provision)) {
            InForce.since(policy.events(), at).ifPresent(since -> policy.jurisdictions().forEach(code -> byCode
                    .computeIfAbsent(code, c -> new ArrayList<>()).add(new PlacesInForce.PolicyInForce(policy.id(),
                            policy.key(), policy.title(), policy.version(), since.date(), since.precision(),
                            since.type(), policy.verification().status()))));
        }
        List<PlacesInForce.PlaceInForce> places = new ArrayList<>();
        byCode.forEach((code, inForce) -> {
            Jurisdiction j = jurisdictions.findByCode(code).orElseThrow();
            places.add(new PlacesInForce.PlaceInForce(j.code, j.name, j.kind, j.parent == null ? null : j.parent.code,
                    inForce.stream().sorted(Comparator.comparing(PlacesInForce.PolicyInForce::key)).toList()));
        });
        places.sort(Comparator.comparing(PlacesInForce.PlaceInForce::kind).thenComparing(PlacesInForce.PlaceInForce::code));
        List<String> notes = new ArrayList<>();
        notes.add("In force by the in-force rule (docs/user-guide.md) from each policy's recorded events; a state's"
                + " or the nation's policy applies in all its counties, which are not listed again.");
        if (places.stream().anyMatch(p -> p.kind() == JurisdictionKind.CITY || p.kind() == JurisdictionKind.AGENCY)) {
            notes.add("Policies of cities and agencies are listed here, but statistics by policy regime do not"
                    + " attribute them to a county's detainers: such a rule covers its own jail.");
        }
        long unverified = places.stream().flatMap(p -> p.policies().stream()).map(PlacesInForce.PolicyInForce::key)
                .distinct().count() - places.stream().flatMap(p -> p.policies().stream())
                .filter(p -> p.verification() == VerificationStatus.VERIFIED).map(PlacesInForce.PolicyInForce::key)
                .distinct().count();
        if (unverified > 0) {
            notes.add(unverified + " of the policies listed are unverified: their provisions and dates are as"
                    + " curated from the sources named, not yet checked against them.");
        }
        return new PlacesInForce(provision, at, List.copyOf(places), notes);
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
