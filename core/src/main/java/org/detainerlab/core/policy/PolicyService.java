package org.detainerlab.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.curation.CuratedDate;
import org.detainerlab.core.curation.Curation;
import org.detainerlab.core.curation.Enums;
import org.detainerlab.core.curation.ImportCount;
import org.detainerlab.core.curation.MergePatch;
import org.detainerlab.core.curation.SourceCodec;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.Verification;
import org.detainerlab.core.curation.VerificationInput;
import org.detainerlab.core.curation.VerificationStatus;
import org.detainerlab.core.curation.VerificationView;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;

/**
 * Curated policies: reading, editing under If-Match with every change in the history, and the import that the
 * seed and {@code POST /api/v1/curation/import} share.
 */
@ApplicationScoped
public class PolicyService {

    public static final String KIND = "policy";

    private final PolicyRepository policies;
    private final JurisdictionRepository jurisdictions;
    private final ChangeHistory history;
    private final SourceCodec sources;
    private final ObjectMapper json;

    public PolicyService(PolicyRepository policies, JurisdictionRepository jurisdictions, ChangeHistory history,
                         SourceCodec sources, ObjectMapper json) {
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.history = history;
        this.sources = sources;
        this.json = json;
    }

    /** One live policy by id or key, with its jurisdictions and events. */
    @Transactional
    public PolicyView get(String ref) {
        return view(policies.live(KIND, ref, LockModeType.NONE));
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

    @Transactional
    public PolicyView create(PolicyInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(input, "", null, actor, errors);
        Curation.failOn(errors);
        return insert(resolved, ChangeAction.CREATE, actor);
    }

    /** Replaces a policy with {@code input}; {@code ifMatch} must carry its current ETag. */
    @Transactional
    public PolicyView replace(String ref, String ifMatch, PolicyInput input, String actor) {
        Policy policy = policies.lockedForChange(KIND, ref, ifMatch);
        PolicyView before = view(policy);
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(input, "", before, actor, errors);
        Curation.failOn(errors);
        return update(policy, before, resolved, ChangeAction.UPDATE, actor, null);
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to the policy as {@link PolicyInput}, then replaces it. The reason, if
     * any, is kept as the change's note; a patch that takes a fact (the policy or one of its events) from verified
     * back to unverified needs one, so that the history says why.
     */
    @Transactional
    public PolicyView patch(String ref, String ifMatch, JsonNode mergePatch, String actor, String reason) {
        Policy policy = policies.lockedForChange(KIND, ref, ifMatch);
        PolicyView before = view(policy);
        PolicyInput patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(inputOf(before)), mergePatch),
                    PolicyInput.class);
        } catch (JsonProcessingException e) {
            throw ValidationFailedException.of("", "the patched policy is not a policy: " + e.getOriginalMessage(), null);
        }
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(patched, "", before, actor, errors);
        String note = Curation.blankToNull(reason);
        if (resolved != null && note == null) {
            List<String> lost = unverified(before, resolved);
            if (!lost.isEmpty()) {
                errors.add(new FieldError("reason", "is required to take " + String.join(", ", lost)
                        + " back to unverified: say why", null));
            }
        }
        Curation.failOn(errors);
        return update(policy, before, resolved, ChangeAction.UPDATE, actor, note);
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

    /** Deletes a policy; its row stays, marked deleted, so that its history stays readable by id. */
    @Transactional
    public void delete(String ref, String ifMatch, String actor) {
        Policy policy = policies.lockedForChange(KIND, ref, ifMatch);
        PolicyView before = view(policy);
        policy.markDeleted();
        history.record(KIND, policy.id, policy.version, ChangeAction.DELETE, actor, null, before, null);
    }

    /** Every recorded change of a policy, deleted ones included, oldest first. */
    @Transactional
    public List<ChangeView> history(String ref) {
        long id = policies.idOf(ref).orElseThrow(() -> new ResourceNotFoundException(KIND, ref));
        return history.of(KIND, id);
    }

    /** Every live policy in the form that {@link #importAll} reads back. */
    @Transactional
    public List<PolicyView> export() {
        return policies.live().stream().map(this::view).toList();
    }

    /**
     * Imports policies as one unit, all checked before any is written: a new key is created, an unchanged
     * policy left alone, a changed one updated only when the entry names the version it was exported from and
     * that version is still current (otherwise 409, nothing written). Every write is recorded as IMPORT.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportCount importAll(List<PolicyInput> inputs, String prefix, String actor) {
        List<FieldError> errors = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Runnable> writes = new ArrayList<>();
        ImportCount count = new ImportCount();
        for (int i = 0; i < inputs.size(); i++) {
            PolicyInput input = inputs.get(i);
            String at = prefix + "[" + i + "].";
            if (input == null) {
                errors.add(new FieldError(prefix + "[" + i + "]", "is empty", null));
                continue;
            }
            Integer earlier = input.key() == null ? null : seen.put(input.key(), i);
            if (earlier != null) {
                errors.add(new FieldError(at + "key", "repeats the key of entry " + earlier, input.key()));
                continue;
            }
            Policy existing = input.key() == null ? null : policies.lockedByKey(input.key());
            PolicyView before = existing == null ? null : view(existing);
            Resolved resolved = resolve(input, at, before, actor, errors);
            if (resolved == null) {
                continue;
            }
            if (existing == null) {
                count.created++;
                count.createdKeys.add(resolved.key);
                writes.add(() -> insert(resolved, ChangeAction.IMPORT, actor));
            } else if (candidate(resolved, before.id(), before.version()).equals(before)) {
                count.unchanged++;
            } else if (input.version() == null || input.version() != existing.version) {
                stale.add(Curation.staleEntry(input.key(), input.version(), existing.version));
            } else {
                count.updated++;
                count.updatedKeys.add(resolved.key);
                writes.add(() -> update(existing, before, resolved, ChangeAction.IMPORT, actor, null));
            }
        }
        Curation.failOn(errors);
        Curation.failOnStale("policies", stale);
        writes.forEach(Runnable::run);
        return count;
    }

    private PolicyView insert(Resolved resolved, ChangeAction action, String actor) {
        policies.requireFreeKey(KIND, resolved.key, null);
        Policy policy = new Policy();
        policy.version = 1;
        apply(policy, resolved);
        policies.persistAndFlush(policy);
        PolicyView after = view(policy);
        history.record(KIND, policy.id, policy.version, action, actor, null, null, after);
        return after;
    }

    private PolicyView update(Policy policy, PolicyView before, Resolved resolved, ChangeAction action, String actor,
                              String note) {
        policies.requireFreeKey(KIND, resolved.key, policy.id);
        apply(policy, resolved);
        policy.version++;
        policies.flush();
        PolicyView after = view(policy);
        history.record(KIND, policy.id, policy.version, action, actor, note, before, after);
        return after;
    }

    private void apply(Policy policy, Resolved r) {
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

    private PolicyView view(Policy p) {
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

    private record Resolved(String key, String title, PolicyKind kind, String summary, List<Jurisdiction> jurisdictions,
                            List<ResolvedProvision> provisions, List<SourceRef> sources, Verification verification,
                            List<ResolvedEvent> events) {
    }

    private record ResolvedProvision(Provision provision, List<SourceRef> sources, Verification verification) {
    }

    private record ResolvedEvent(PolicyEventType type, CuratedDate date, String note, List<SourceRef> sources,
                                 Verification verification) {
    }

    /** Checks an input, adding every failure (field paths prefixed) to {@code errors}; null when any failed. */
    private Resolved resolve(PolicyInput in, String at, PolicyView previous, String actor, List<FieldError> errors) {
        int failures = errors.size();
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
