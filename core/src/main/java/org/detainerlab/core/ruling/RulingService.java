package org.detainerlab.core.ruling;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
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
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.policy.Policy;
import org.detainerlab.core.policy.PolicyRepository;

/** Curated court rulings, edited like policies: If-Match on every change, every change in the history. */
@ApplicationScoped
public class RulingService {

    public static final String KIND = "ruling";

    private final RulingRepository rulings;
    private final PolicyRepository policies;
    private final JurisdictionRepository jurisdictions;
    private final ChangeHistory history;
    private final SourceCodec sources;
    private final ObjectMapper json;

    public RulingService(RulingRepository rulings, PolicyRepository policies, JurisdictionRepository jurisdictions,
                         ChangeHistory history, SourceCodec sources, ObjectMapper json) {
        this.rulings = rulings;
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.history = history;
        this.sources = sources;
        this.json = json;
    }

    @Transactional
    public RulingView get(String ref) {
        return view(rulings.live(KIND, ref, LockModeType.NONE));
    }

    /** Live rulings, oldest decision first. */
    @Transactional
    public List<RulingView> list() {
        return rulings.live().stream().map(this::view).toList();
    }

    /** Live rulings affecting these jurisdictions (directly or through their policies), for timelines. */
    @Transactional
    public List<RulingView> affecting(Collection<Long> jurisdictionIds) {
        return rulings.affecting(jurisdictionIds).stream().map(this::view).toList();
    }

    @Transactional
    public RulingView create(RulingInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(input, "", null, actor, Map.of(), errors);
        Curation.failOn(errors);
        return insert(resolved, ChangeAction.CREATE, actor);
    }

    @Transactional
    public RulingView replace(String ref, String ifMatch, RulingInput input, String actor) {
        Ruling ruling = rulings.lockedForChange(KIND, ref, ifMatch);
        RulingView before = view(ruling);
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(input, "", before, actor, Map.of(), errors);
        Curation.failOn(errors);
        return update(ruling, before, resolved, ChangeAction.UPDATE, actor);
    }

    /** Applies a JSON merge patch (RFC 7386) to the ruling as {@link RulingInput}, then replaces it. */
    @Transactional
    public RulingView patch(String ref, String ifMatch, JsonNode mergePatch, String actor) {
        Ruling ruling = rulings.lockedForChange(KIND, ref, ifMatch);
        RulingView before = view(ruling);
        RulingInput patched;
        try {
            patched = json.treeToValue(MergePatch.apply(json.valueToTree(before), mergePatch), RulingInput.class);
        } catch (JsonProcessingException e) {
            throw ValidationFailedException.of("", "the patched ruling is not a ruling: " + e.getOriginalMessage(), null);
        }
        List<FieldError> errors = new ArrayList<>();
        Resolved resolved = resolve(patched, "", before, actor, Map.of(), errors);
        Curation.failOn(errors);
        return update(ruling, before, resolved, ChangeAction.UPDATE, actor);
    }

    /** Deletes a ruling (kept, marked deleted, for its history); a ruling that later rulings review stays. */
    @Transactional
    public void delete(String ref, String ifMatch, String actor) {
        Ruling ruling = rulings.lockedForChange(KIND, ref, ifMatch);
        List<Ruling> reviewers = rulings.reviewersOf(ruling);
        if (!reviewers.isEmpty()) {
            throw new ConflictException("Ruling '" + ruling.key + "' is reviewed by "
                    + reviewers.stream().map(r -> r.key).toList() + "; change those first");
        }
        RulingView before = view(ruling);
        ruling.markDeleted();
        history.record(KIND, ruling.id, ruling.version, ChangeAction.DELETE, actor, null, before, null);
    }

    @Transactional
    public List<ChangeView> history(String ref) {
        long id = rulings.idOf(ref).orElseThrow(() -> new ResourceNotFoundException(KIND, ref));
        return history.of(KIND, id);
    }

    @Transactional
    public List<RulingView> export() {
        return list();
    }

    /**
     * Imports rulings as one unit, after the policies of the same file; the rules are those of the policy import.
     * A review may name a ruling stored already or one earlier in the file.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportCount importAll(List<RulingInput> inputs, String prefix, String actor) {
        List<FieldError> errors = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Ruling> written = new HashMap<>();
        ImportCount count = new ImportCount();
        List<Resolved> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RulingInput input = inputs.get(i);
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
            Ruling existing = input.key() == null ? null : rulings.lockedByKey(input.key());
            RulingView before = existing == null ? null : view(existing);
            Resolved resolved = resolve(input, at, before, actor, seen, errors);
            checked.add(resolved);
            if (resolved != null && existing != null && !candidate(resolved, before).equals(before)
                    && (input.version() == null || input.version() != existing.version)) {
                stale.add(Curation.staleEntry(input.key(), input.version(), existing.version));
            }
        }
        Curation.failOn(errors);
        Curation.failOnStale("rulings", stale);
        for (Resolved resolved : checked) {
            resolved.bindReviews(written, rulings);
            Ruling existing = rulings.lockedByKey(resolved.key);
            if (existing == null) {
                count.created++;
                count.createdKeys.add(resolved.key);
                insert(resolved, ChangeAction.IMPORT, actor);
            } else {
                RulingView before = view(existing);
                if (candidate(resolved, before).equals(before)) {
                    count.unchanged++;
                } else {
                    count.updated++;
                    count.updatedKeys.add(resolved.key);
                    update(existing, before, resolved, ChangeAction.IMPORT, actor);
                }
            }
            written.put(resolved.key, rulings.findLiveByKey(resolved.key).orElseThrow());
        }
        return count;
    }

    private RulingView insert(Resolved resolved, ChangeAction action, String actor) {
        rulings.requireFreeKey(KIND, resolved.key, null);
        Ruling ruling = new Ruling();
        ruling.version = 1;
        apply(ruling, resolved);
        rulings.persistAndFlush(ruling);
        RulingView after = view(ruling);
        history.record(KIND, ruling.id, ruling.version, action, actor, null, null, after);
        return after;
    }

    private RulingView update(Ruling ruling, RulingView before, Resolved resolved, ChangeAction action, String actor) {
        rulings.requireFreeKey(KIND, resolved.key, ruling.id);
        if (resolved.reviews.stream().anyMatch(r -> r.reviewed.id.equals(ruling.id))) {
            throw ValidationFailedException.of("reviews", "a ruling cannot review itself", resolved.key);
        }
        apply(ruling, resolved);
        ruling.version++;
        rulings.flush();
        RulingView after = view(ruling);
        history.record(KIND, ruling.id, ruling.version, action, actor, null, before, after);
        return after;
    }

    private void apply(Ruling ruling, Resolved r) {
        ruling.key = r.key;
        ruling.court = r.court;
        ruling.caseName = r.caseName;
        ruling.docket = r.docket;
        ruling.citation = r.citation;
        ruling.decidedOn = r.decided.date();
        ruling.precision = r.decided.precision();
        ruling.disposition = r.disposition;
        ruling.holding = r.holding;
        ruling.note = r.note;
        ruling.sources = sources.write(r.sources);
        ruling.verification = r.verification;
        ruling.policies.clear();
        ruling.policies.addAll(r.policies);
        ruling.jurisdictions.clear();
        ruling.jurisdictions.addAll(r.jurisdictions);
        ruling.reviews.clear();
        ruling.reviews.addAll(r.reviews);
    }

    private RulingView view(Ruling r) {
        return new RulingView(r.id, r.key, r.court.key(), r.court.fullName(), r.caseName, r.docket, r.citation,
                r.decidedOn, r.precision, r.disposition, r.holding, r.note, links(r.reviews),
                rulings.reviewersOf(r).stream().flatMap(reviewer -> reviewer.reviews.stream()
                        .filter(v -> v.reviewed.id.equals(r.id))
                        .map(v -> new RulingView.Link(v.relation, reviewer.key))).toList(),
                r.policies.stream().map(p -> p.key).sorted().toList(),
                r.jurisdictions.stream().map(j -> j.code).sorted().toList(), sources.read(r.sources),
                r.verification.view(), r.version);
    }

    private static List<RulingView.Link> links(List<RulingReview> reviews) {
        return reviews.stream().map(v -> new RulingView.Link(v.relation, v.reviewed.key))
                .sorted(Comparator.comparing(RulingView.Link::ruling).thenComparing(RulingView.Link::relation)).toList();
    }

    private static RulingView candidate(Resolved r, RulingView before) {
        return new RulingView(before.id(), r.key, r.court.key(), r.court.fullName(), r.caseName, r.docket, r.citation,
                r.decided.date(), r.decided.precision(), r.disposition, r.holding, r.note, r.reviewLinks(),
                before.subsequentHistory(), r.policies.stream().map(p -> p.key).sorted().toList(),
                r.jurisdictions.stream().map(j -> j.code).sorted().toList(), r.sources, r.verification.view(),
                before.version());
    }

    /** A checked input. Reviews of rulings earlier in the same import file are bound once those are written. */
    private static final class Resolved {
        String key;
        Court court;
        String caseName;
        String docket;
        String citation;
        CuratedDate decided;
        String disposition;
        String holding;
        String note;
        List<Policy> policies = new ArrayList<>();
        List<Jurisdiction> jurisdictions = new ArrayList<>();
        List<SourceRef> sources;
        Verification verification;
        List<RulingReview> reviews = new ArrayList<>();
        Map<String, ReviewRelation> pendingReviews = new HashMap<>();
        List<RulingView.Link> pendingLinks = new ArrayList<>();

        List<RulingView.Link> reviewLinks() {
            List<RulingView.Link> all = new ArrayList<>(links(reviews));
            all.addAll(pendingLinks);
            all.sort(Comparator.comparing(RulingView.Link::ruling).thenComparing(RulingView.Link::relation));
            return all;
        }

        void bindReviews(Map<String, Ruling> written, RulingRepository rulings) {
            for (RulingView.Link link : pendingLinks) {
                RulingReview review = new RulingReview();
                review.relation = link.relation();
                review.reviewed = written.containsKey(link.ruling()) ? written.get(link.ruling())
                        : rulings.findLiveByKey(link.ruling()).orElseThrow();
                reviews.add(review);
            }
            pendingLinks.clear();
        }
    }

    /**
     * Checks an input, adding every failure to {@code errors}; null when any failed. {@code earlierInFile} names
     * the keys a review may also point to (import only).
     */
    private Resolved resolve(RulingInput in, String at, RulingView previous, String actor,
                             Map<String, Integer> earlierInFile, List<FieldError> errors) {
        int failures = errors.size();
        Resolved r = new Resolved();
        Curation.checkKey(in.key(), at + "key", "ca9-2019-united-states-v-california", errors);
        r.key = in.key();
        r.court = Enums.parse(Court.class, in.court() == null ? null : in.court().toUpperCase(Locale.ROOT),
                at + "court", errors);
        if (in.caseName() == null || in.caseName().isBlank()) {
            errors.add(new FieldError(at + "caseName", "is required", in.caseName()));
        } else {
            r.caseName = in.caseName().trim();
        }
        r.docket = Curation.blankToNull(in.docket());
        r.citation = Curation.blankToNull(in.citation());
        r.disposition = Curation.blankToNull(in.disposition());
        r.holding = Curation.blankToNull(in.holding());
        r.note = Curation.blankToNull(in.note());
        r.decided = CuratedDate.parse(in.decidedOn(), in.precision(), at + "decidedOn", LocalDate.now(ZoneOffset.UTC),
                errors);
        List<String> policyKeys = in.policies() == null ? List.of() : in.policies();
        for (int i = 0; i < policyKeys.size(); i++) {
            String key = policyKeys.get(i);
            int index = i;
            (key == null ? Optional.<Policy>empty() : policies.findLiveByKey(key.trim()))
                    .ifPresentOrElse(r.policies::add, () -> errors.add(new FieldError(at + "policies[" + index + "]",
                            "is not the key of a policy", key)));
        }
        List<String> codes = in.jurisdictions() == null ? List.of() : in.jurisdictions();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            int index = i;
            jurisdictions.findByCode(code == null ? "" : code.trim().toUpperCase())
                    .ifPresentOrElse(r.jurisdictions::add, () -> errors.add(new FieldError(
                            at + "jurisdictions[" + index + "]", "is not a known jurisdiction code", code)));
        }
        List<RulingInput.ReviewInput> reviews = in.reviews() == null ? List.of() : in.reviews();
        for (int i = 0; i < reviews.size(); i++) {
            RulingInput.ReviewInput review = reviews.get(i);
            String field = at + "reviews[" + i + "]";
            ReviewRelation relation = Enums.parse(ReviewRelation.class, review == null ? null : review.relation(),
                    field + ".relation", errors);
            String target = review == null || review.ruling() == null ? null : review.ruling().trim();
            if (target == null || target.equals(in.key())) {
                errors.add(new FieldError(field + ".ruling", "must be the key of another ruling", target));
            } else if (relation != null) {
                Optional<Ruling> stored = rulings.findLiveByKey(target);
                if (stored.isEmpty() && !earlierInFile.containsKey(target)) {
                    errors.add(new FieldError(field + ".ruling", "is not the key of a ruling (stored, or earlier in"
                            + " the import file)", target));
                } else if (stored.isPresent() && earlierInFile.isEmpty()) {
                    RulingReview bound = new RulingReview();
                    bound.relation = relation;
                    bound.reviewed = stored.get();
                    r.reviews.add(bound);
                } else {
                    r.pendingLinks.add(new RulingView.Link(relation, target));
                }
            }
        }
        r.sources = SourceCodec.check(in.sources(), at + "sources", errors);
        r.verification = Verification.resolve(in.verification(), previous == null ? null : previous.verification(),
                r.sources, actor, OffsetDateTime.now(ZoneOffset.UTC), at + "verification", errors);
        return errors.size() > failures ? null : r;
    }

}
