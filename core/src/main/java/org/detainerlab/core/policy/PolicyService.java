package org.detainerlab.core.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.curation.CuratedDate;
import org.detainerlab.core.curation.Curation;
import org.detainerlab.core.curation.Enums;
import org.detainerlab.core.curation.ItemKind;
import org.detainerlab.core.curation.KeyedCuratedItems;
import org.detainerlab.core.curation.SourceCodec;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.Verification;
import org.detainerlab.core.curation.VerificationInput;
import org.detainerlab.core.curation.VerificationStatus;
import org.detainerlab.core.curation.VerificationView;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;

/**
 * Curated policies: reading, and what {@link KeyedCuratedItems} needs to edit them (If-Match, history, the import
 * that the seed, 287(g) lists and {@code POST /api/v1/curation/import} share): how a policy is checked and written.
 */
@ApplicationScoped
public class PolicyService extends KeyedCuratedItems<Policy, PolicyInput, PolicyView, PolicyService.Resolved> {

    public static final String KIND = "policy";
    private static final ItemKind<PolicyInput> ITEM = new ItemKind<>(KIND, KIND, "policies", PolicyInput.class);

    private final PolicyRepository policies;
    private final JurisdictionRepository jurisdictions;
    private final SourceCodec sources;

    public PolicyService(PolicyRepository policies, JurisdictionRepository jurisdictions, SourceCodec sources) {
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.sources = sources;
        curate(ITEM, policies);
    }

    /** The live policy with this key, if there is one. */
    @Transactional
    public Optional<PolicyView> find(String key) {
        return policies.findLiveByKey(key).map(this::view);
    }

    /** Live policies, by key; those attached to {@code jurisdiction} (a code) only, when given. */
    @Transactional
    public List<PolicyView> list(String jurisdiction) {
        List<Policy> found = jurisdiction == null ? policies.live()
                : policies.ofJurisdictions(List.of(jurisdictions.findByCode(jurisdiction.trim().toUpperCase())
                        .orElseThrow(() -> new InvalidQueryException("jurisdiction",
                                "'" + jurisdiction + "' is not a known jurisdiction code")).id));
        return found.stream().sorted(Comparator.comparing(p -> p.key)).map(this::view).toList();
    }

    /** The policies attached to these jurisdictions that are in force on {@code at}. */
    @Transactional
    public List<PolicyInForceView> inForce(Collection<Long> jurisdictionIds, LocalDate at) {
        List<PolicyInForceView> result = new ArrayList<>();
        for (Policy policy : policies.ofJurisdictions(jurisdictionIds)) {
            PolicyView view = view(policy);
            InForce.since(view.events(), at).ifPresent(since -> result.add(new PolicyInForceView(view.key(),
                    view.title(), view.kind(), view.jurisdictions(),
                    view.provisions().stream().map(ProvisionView::provision).toList(), since.date(), since.precision(),
                    since.type(), view.verification().status())));
        }
        result.sort(Comparator.comparing(PolicyInForceView::since).thenComparing(PolicyInForceView::key));
        return result;
    }

    /** Live policies with this provision, for statistics by policy regime and the places where one is in force. */
    @Transactional
    public List<PolicyView> withProvision(Provision provision) {
        return policies.withProvision(provision).stream().map(this::view).toList();
    }

    /** Live policies attached to these jurisdictions, for timelines. */
    @Transactional
    public List<PolicyView> ofJurisdictions(Collection<Long> jurisdictionIds) {
        return policies.ofJurisdictions(jurisdictionIds).stream().map(this::view).toList();
    }

    /** A patch that takes a fact (the policy or one of its events) from verified back to unverified needs a reason. */
    @Override
    protected void checkPatch(PolicyView before, Resolved after, String note, List<FieldError> errors) {
        List<String> lost = note == null ? unverified(before, after) : List.of();
        if (!lost.isEmpty()) {
            errors.add(new FieldError("reason", "is required to take " + String.join(", ", lost)
                    + " back to unverified: say why", null));
        }
    }

    /** The facts verified before that a resolved change leaves unverified, named as a reader would. */
    private static List<String> unverified(PolicyView before, Resolved after) {
        List<String> lost = new ArrayList<>();
        if (before.verification().status() == VerificationStatus.VERIFIED
                && after.verification.status != VerificationStatus.VERIFIED) {
            lost.add("the policy");
        }
        for (PolicyEventView e : before.events()) {
            if (e.verification().status() != VerificationStatus.VERIFIED) {
                continue;
            }
            boolean stillVerified = after.events.stream().anyMatch(a -> a.type == e.type()
                    && a.date.date().equals(e.date()) && a.verification.status == VerificationStatus.VERIFIED);
            if (!stillVerified) {
                lost.add("the " + e.type().name().toLowerCase(Locale.ROOT) + " event of " + e.date());
            }
        }
        return lost;
    }

    /** Every live policy in the form that {@link #importAll} reads back. */
    @Transactional
    public List<PolicyView> export() {
        return policies.live().stream().map(this::view).toList();
    }

    @Override
    protected boolean unchanged(Resolved resolved, PolicyView before) {
        return candidate(resolved, before.id(), before.version()).equals(before);
    }

    @Override
    protected void write(Policy policy, Resolved r, String actor) {
        policy.key = r.key;
        policy.title = r.title;
        policy.kind = r.kind;
        policy.summary = r.summary;
        policy.sources = sources.write(r.sources);
        policy.verification = r.verification;
        policy.jurisdictions.clear();
        policy.jurisdictions.addAll(r.jurisdictions);
        policy.provisions.clear();
        for (ResolvedProvision p : r.provisions) {
            PolicyProvision provision = new PolicyProvision();
            provision.provision = p.provision;
            provision.sources = sources.write(p.sources);
            provision.verification = p.verification;
            policy.provisions.add(provision);
        }
        policy.events.clear();
        int position = 0;
        for (ResolvedEvent e : r.events) {
            PolicyEvent event = new PolicyEvent();
            event.policy = policy;
            event.position = position++;
            event.type = e.type;
            event.date = e.date.date();
            event.precision = e.date.precision();
            event.note = e.note;
            event.sources = sources.write(e.sources);
            event.verification = e.verification;
            policy.events.add(event);
        }
    }

    @Override
    protected PolicyView view(Policy p) {
        return new PolicyView(p.id, p.key, p.title, p.kind, p.summary,
                p.jurisdictions.stream().map(j -> j.code).sorted().toList(),
                p.provisions.stream().sorted(Comparator.comparing(v -> v.provision))
                        .map(v -> new ProvisionView(v.provision, sources.read(v.sources), v.verification.view())).toList(),
                sources.read(p.sources), p.verification.view(),
                p.events.stream().map(e -> new PolicyEventView(e.type, e.date, e.precision, e.note,
                        sources.read(e.sources), e.verification.view())).toList(), p.version);
    }

    /** The view a policy would have after {@code r}, to tell an unchanged import entry from a changed one. */
    private static PolicyView candidate(Resolved r, long id, long version) {
        return new PolicyView(id, r.key, r.title, r.kind, r.summary,
                r.jurisdictions.stream().map(j -> j.code).sorted().toList(), r.provisions.stream()
                        .sorted(Comparator.comparing(ResolvedProvision::provision))
                        .map(p -> new ProvisionView(p.provision, p.sources, p.verification.view())).toList(),
                r.sources, r.verification.view(), r.events.stream().map(e -> new PolicyEventView(e.type,
                        e.date.date(), e.date.precision(), e.note, e.sources, e.verification.view())).toList(), version);
    }

    @Override
    protected PolicyInput inputOf(Policy policy) {
        return inputOf(view(policy));
    }

    /** The policy as a curator would write it, for merge patches. */
    private static PolicyInput inputOf(PolicyView v) {
        return new PolicyInput(v.key(), v.title(), v.kind().name(), v.summary(), v.jurisdictions(),
                v.provisions().stream().map(p -> new ProvisionInput(p.provision().name(), p.sources(),
                        inputOf(p.verification()))).toList(), v.sources(), inputOf(v.verification()),
                v.events().stream().map(e -> new PolicyEventInput(e.type().name(), e.date().toString(),
                        e.precision().name(), e.note(), e.sources(), inputOf(e.verification()))).toList(), v.version());
    }

    private static VerificationInput inputOf(VerificationView v) {
        return new VerificationInput(v.status().name(), v.source());
    }

    /** A checked policy, ready to be written. */
    protected record Resolved(String key, String title, PolicyKind kind, String summary, List<Jurisdiction> jurisdictions,
                            List<ResolvedProvision> provisions, List<SourceRef> sources, Verification verification,
                            List<ResolvedEvent> events) {
    }

    private record ResolvedProvision(Provision provision, List<SourceRef> sources, Verification verification) {
    }

    private record ResolvedEvent(PolicyEventType type, CuratedDate date, String note, List<SourceRef> sources,
                                 Verification verification) {
    }

    @Override
    protected Resolved check(PolicyInput in, Checking<PolicyView> context, List<FieldError> errors) {
        int failures = errors.size();
        String at = context.at();
        PolicyView previous = context.previous();
        String actor = context.actor();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Curation.checkKey(in.key(), at + "key", "ca-sb54-2017", errors);
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new FieldError(at + "title", "is required", in.title()));
        }
        PolicyKind kind = Enums.parse(PolicyKind.class, in.kind(), at + "kind", errors);
        List<Jurisdiction> places = new ArrayList<>();
        if (in.jurisdictions() == null || in.jurisdictions().isEmpty()) {
            errors.add(new FieldError(at + "jurisdictions", "needs at least one jurisdiction code", null));
        } else {
            for (int i = 0; i < in.jurisdictions().size(); i++) {
                String code = in.jurisdictions().get(i);
                int index = i;
                jurisdictions.findByCode(code == null ? "" : code.trim().toUpperCase()).ifPresentOrElse(places::add,
                        () -> errors.add(new FieldError(at + "jurisdictions[" + index + "]",
                                "is not a known jurisdiction code", code)));
            }
        }
        List<SourceRef> policySources = SourceCodec.check(in.sources(), at + "sources", errors);
        Verification verification = Verification.resolve(in.verification(), previous == null ? null
                : previous.verification(), policySources, actor, now, at + "verification", errors);
        List<ResolvedProvision> provisions = provisions(in.provisions(), policySources, previous, actor, now, at, errors);
        List<ResolvedEvent> events = new ArrayList<>();
        List<PolicyEventInput> eventInputs = in.events() == null ? List.of() : in.events();
        List<Integer> eventIndex = new ArrayList<>();
        for (int i = 0; i < eventInputs.size(); i++) {
            PolicyEventInput e = eventInputs.get(i);
            String field = at + "events[" + i + "]";
            if (e == null) {
                errors.add(new FieldError(field, "is empty", null));
                continue;
            }
            PolicyEventType type = Enums.parse(PolicyEventType.class, e.type(), field + ".type", errors);
            CuratedDate date = CuratedDate.parse(e.date(), e.precision(), field + ".date", today, errors);
            List<SourceRef> eventSources = SourceCodec.check(e.sources(), field + ".sources", errors);
            Verification eventVerification = Verification.resolve(e.verification(),
                    previousVerification(previous, type, date), eventSources, actor, now, field + ".verification", errors);
            if (type != null && date != null) {
                events.add(new ResolvedEvent(type, date, Curation.blankToNull(e.note()), eventSources, eventVerification));
                eventIndex.add(i);
            }
        }
        checkEffectiveAfterSigning(events, eventIndex, at, errors);
        if (errors.size() > failures) {
            return null;
        }
        List<ResolvedEvent> ordered = events.stream().sorted(Comparator.comparing((ResolvedEvent e) -> e.date.date())
                .thenComparing(e -> e.type)).toList();
        return new Resolved(in.key(), in.title().trim(), kind, Curation.blankToNull(in.summary()), places, provisions,
                policySources, verification, ordered);
    }

    /**
     * An effective date that certainly lies before the signing or adoption (its period ends before theirs begins)
     * is usually a typo; a note saying why (e.g. retroactive effect) lets it through.
     */
    private static void checkEffectiveAfterSigning(List<ResolvedEvent> events, List<Integer> index, String at,
                                                   List<FieldError> errors) {
        LocalDate signed = events.stream().filter(e -> e.type == PolicyEventType.SIGNED || e.type == PolicyEventType.ADOPTED)
                .map(e -> e.date.date()).min(Comparator.naturalOrder()).orElse(null);
        if (signed == null) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            ResolvedEvent e = events.get(i);
            if (e.type == PolicyEventType.EFFECTIVE && e.date.lastDay().isBefore(signed) && e.note == null) {
                errors.add(new FieldError(at + "events[" + index.get(i) + "].date", "is before the signing or adoption ("
                        + signed + "); add a note saying why (e.g. retroactive effect)", e.date.date().toString()));
            }
        }
    }

    /**
     * The provisions, each named once, with its own sources; one given by name alone rests on the policy's sources,
     * which are copied to it. A provision keeps an earlier verification against the same source.
     */
    private static List<ResolvedProvision> provisions(List<ProvisionInput> inputs, List<SourceRef> policySources,
                                                      PolicyView previous, String actor, OffsetDateTime now, String at,
                                                      List<FieldError> errors) {
        List<ResolvedProvision> provisions = new ArrayList<>();
        Set<Provision> seen = new LinkedHashSet<>();
        List<ProvisionInput> given = inputs == null ? List.of() : inputs;
        for (int i = 0; i < given.size(); i++) {
            ProvisionInput in = given.get(i);
            String field = at + "provisions[" + i + "]";
            if (in == null) {
                errors.add(new FieldError(field, "is empty", null));
                continue;
            }
            Provision provision = Enums.parse(Provision.class, in.provision(), field + ".provision", errors);
            if (provision != null && !seen.add(provision)) {
                errors.add(new FieldError(field + ".provision", "is listed twice", in.provision()));
                continue;
            }
            List<SourceRef> own = in.sources() == null || in.sources().isEmpty() ? policySources
                    : SourceCodec.check(in.sources(), field + ".sources", errors);
            VerificationView before = previous == null || provision == null ? null : previous.provisions().stream()
                    .filter(p -> p.provision() == provision).map(ProvisionView::verification).findFirst().orElse(null);
            Verification verification = Verification.resolve(in.verification(), before, own, actor, now,
                    field + ".verification", errors);
            if (provision != null) {
                provisions.add(new ResolvedProvision(provision, own, verification));
            }
        }
        return provisions;
    }

    private static VerificationView previousVerification(PolicyView previous, PolicyEventType type, CuratedDate date) {
        if (previous == null || type == null || date == null) {
            return null;
        }
        return previous.events().stream().filter(e -> e.type() == type && e.date().equals(date.date()))
                .map(PolicyEventView::verification).findFirst().orElse(null);
    }

}
