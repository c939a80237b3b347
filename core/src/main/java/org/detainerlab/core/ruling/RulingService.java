package org.detainerlab.core.ruling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.curation.CuratedDate;
import org.detainerlab.core.curation.Curation;
import org.detainerlab.core.curation.Enums;
import org.detainerlab.core.curation.ItemKind;
import org.detainerlab.core.curation.KeyedCuratedItems;
import org.detainerlab.core.curation.SourceCodec;
import org.detainerlab.core.curation.SourceRef;
import org.detainerlab.core.curation.Verification;
import org.detainerlab.core.curation.VerificationInput;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;
import org.detainerlab.core.policy.Policy;
import org.detainerlab.core.policy.PolicyRepository;

/**
 * Curated court rulings, edited like policies through {@link KeyedCuratedItems} (If-Match on every change, every
 * change in the history): how a ruling is checked and written, and that one reviewed by later rulings stays.
 */
@ApplicationScoped
public class RulingService extends KeyedCuratedItems<Ruling, RulingInput, RulingView, RulingService.Resolved> {

    public static final String KIND = "ruling";
    private static final ItemKind<RulingInput> ITEM = new ItemKind<>(KIND, KIND, "rulings", RulingInput.class);

    private final RulingRepository rulings;
    private final PolicyRepository policies;
    private final JurisdictionRepository jurisdictions;
    private final SourceCodec sources;

    public RulingService(RulingRepository rulings, PolicyRepository policies, JurisdictionRepository jurisdictions,
                         SourceCodec sources) {
        this.rulings = rulings;
        this.policies = policies;
        this.jurisdictions = jurisdictions;
        this.sources = sources;
        curate(ITEM, rulings);
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

    /** A ruling that later rulings review stays, so that their reviews keep naming it. */
    @Override
    protected void requireRemovable(Ruling ruling) {
        List<Ruling> reviewers = rulings.reviewersOf(ruling);
        if (!reviewers.isEmpty()) {
            throw new ConflictException("Ruling '" + ruling.key + "' is reviewed by "
                    + reviewers.stream().map(r -> r.key).toList() + "; change those first");
        }
    }

    @Transactional
    public List<RulingView> export() {
        return list();
    }

    @Override
    protected boolean unchanged(Resolved resolved, RulingView before) {
        return candidate(resolved, before).equals(before);
    }

    /** Reviews of rulings, and policies, that an import file adds are bound now that those are written. */
    @Override
    protected void write(Ruling ruling, Resolved r, String actor) {
        for (RulingView.Link link : r.pendingLinks) {
            RulingReview review = new RulingReview();
            review.relation = link.relation();
            review.reviewed = rulings.findLiveByKey(link.ruling()).orElseThrow();
            r.reviews.add(review);
        }
        r.pendingLinks.clear();
        for (String key : r.pendingPolicies) {
            r.policies.add(policies.findLiveByKey(key).orElseThrow());
        }
        r.pendingPolicies.clear();
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

    @Override
    protected RulingInput inputOf(Ruling ruling) {
        RulingView v = view(ruling);
        return new RulingInput(v.key(), v.court(), v.caseName(), v.docket(), v.citation(), v.decidedOn().toString(),
                v.precision().name(), v.disposition(), v.holding(), v.note(), v.reviews().stream()
                        .map(l -> new RulingInput.ReviewInput(l.relation().name(), l.ruling())).toList(),
                v.policies(), v.jurisdictions(), v.sources(),
                new VerificationInput(v.verification().status().name(), v.verification().source()), v.version());
    }

    @Override
    protected RulingView view(Ruling r) {
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
                before.subsequentHistory(), r.policyKeys(),
                r.jurisdictions.stream().map(j -> j.code).sorted().toList(), r.sources, r.verification.view(),
                before.version());
    }

    /**
     * A checked ruling. Reviews of rulings earlier in the same import file, and policies the file adds, are bound
     * once those are written.
     */
    protected static final class Resolved {
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
        List<RulingView.Link> pendingLinks = new ArrayList<>();
        List<String> pendingPolicies = new ArrayList<>();

        List<String> policyKeys() {
            List<String> keys = new ArrayList<>(pendingPolicies);
            policies.forEach(p -> keys.add(p.key));
            return keys.stream().sorted().toList();
        }

        List<RulingView.Link> reviewLinks() {
            List<RulingView.Link> all = new ArrayList<>(links(reviews));
            all.addAll(pendingLinks);
            all.sort(Comparator.comparing(RulingView.Link::ruling).thenComparing(RulingView.Link::relation));
            return all;
        }
    }

    /**
     * Checks an input, adding every failure to {@code errors}; null when any failed. In an import a review may also
     * name a ruling earlier in the file, and a ruling a policy the file adds.
     */
    @Override
    protected Resolved check(RulingInput in, Checking<RulingView> context, List<FieldError> errors) {
        int failures = errors.size();
        String at = context.at();
        RulingView previous = context.previous();
        Set<String> earlierInFile = context.earlierInFile();
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
            Optional<Policy> stored = key == null ? Optional.empty() : policies.findLiveByKey(key.trim());
            if (stored.isPresent()) {
                r.policies.add(stored.get());
            } else if (key != null && context.otherKindInFile().contains(key.trim())) {
                r.pendingPolicies.add(key.trim());
            } else {
                errors.add(new FieldError(at + "policies[" + index + "]", "is not the key of a policy", key));
            }
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
                if (stored.isEmpty() && !earlierInFile.contains(target)) {
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
                r.sources, context.actor(), OffsetDateTime.now(ZoneOffset.UTC), at + "verification", errors);
        if (previous != null && r.reviews.stream().anyMatch(v -> v.reviewed.id == previous.id())) {
            errors.add(new FieldError(at + "reviews", "a ruling cannot review itself", in.key()));
        }
        return errors.size() > failures ? null : r;
    }

}
