package org.detainerlab.core.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.curation.CuratedItems;
import org.detainerlab.core.curation.Curation;
import org.detainerlab.core.curation.ItemKind;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.stats.StatsQuery;

/**
 * The claims ledger: curated claims, edited through {@link CuratedItems} (every change checked against the version
 * the curator read, under a row lock, and recorded in the claim's history in the same transaction), and their checks
 * against the loaded releases.
 */
@ApplicationScoped
public class ClaimService extends CuratedItems<Claim, ClaimInput, ClaimView, ClaimInput> {

    public static final int MAX_PAGE = 200;
    private static final ItemKind<ClaimInput> ITEM = new ItemKind<>(ClaimView.KIND, "claim", "claims",
            ClaimInput.class);
    /** The published claims of the project's domain facts and the two FY2015 checks, imported once by {@code system}. */
    public static final Seeds SEEDS = new Seeds("seed/claims.json", "claims", "claim", "claim_import");

    private final ClaimRepository claims;
    private final ClaimCheckRepository checks;
    private final ClaimChecker checker;
    private final SnapshotSource snapshots;
    private final ObjectMapper json;

    public ClaimService(ClaimRepository claims, ClaimCheckRepository checks, ClaimChecker checker,
                        SnapshotSource snapshots, ObjectMapper json) {
        this.claims = claims;
        this.checks = checks;
        this.checker = checker;
        this.snapshots = snapshots;
        this.json = json;
        curate(ITEM, claims);
    }

    @Transactional
    public Page<ClaimView> search(String q, int page, int size) {
        return claims.search(q, page, Math.min(Math.max(size, 1), MAX_PAGE)).map(this::view);
    }

    /**
     * Checks the claim once against the release series, or on the one release named, and stores the result.
     * {@code release} is a release id, or null for the series.
     */
    @Transactional
    public List<ClaimCheckView> check(long id, String release, String actor) {
        Claim claim = find(id);
        List<ClaimCheck> results = checker.check(claim, query(claim), release, actor);
        results.forEach(checks::persist);
        checks.flush();
        return results.stream().map(ClaimCheckView::of).toList();
    }

    /** Every stored check of the claim, oldest first. */
    @Transactional
    public List<ClaimCheckView> checks(long id) {
        find(id);
        return checks.forClaim(id).stream().map(ClaimCheckView::of).toList();
    }

    private Claim find(long id) {
        return claims.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("claim", id));
    }

    @Override
    protected void write(Claim claim, ClaimInput input, String actor) {
        claim.text = input.text().trim();
        claim.publisher = input.source().publisher().trim();
        claim.sourceTitle = Curation.blankToNull(input.source().title());
        claim.published = Curation.blankToNull(input.source().published());
        claim.url = Curation.blankToNull(input.source().url());
        claim.quoted = Curation.blankToNull(input.source().quoted());
        claim.claimedValue = input.claimedValue();
        claim.query = input.query() == null ? null : writeQuery(input.query());
        claim.notCheckableReason = input.query() == null ? input.notCheckableReason().trim() : null;
        claim.verified = input.verified();
        claim.stamp(actor);
    }

    /** Every rule a claim must meet beyond its field constraints, all reported at once. */
    @Override
    protected ClaimInput check(ClaimInput input, Checking<ClaimView> context, List<FieldError> errors) {
        String at = context.at();
        int failures = errors.size();
        ClaimQuery query = input.query();
        String reason = Curation.blankToNull(input.notCheckableReason());
        if (query == null) {
            if (reason == null) {
                errors.add(new FieldError(at + "notCheckableReason", "is required when the claim has no query: say why"
                        + " the data cannot check it", null));
            }
            return errors.size() > failures ? null : input;
        }
        if (reason != null) {
            errors.add(new FieldError(at + "notCheckableReason", "must be empty when the claim has a query", reason));
        }
        if (input.claimedValue() == null) {
            errors.add(new FieldError(at + "claimedValue", "is required with a query", null));
        } else if (query.share() && (input.claimedValue() < 0 || input.claimedValue() > 1)) {
            errors.add(new FieldError(at + "claimedValue", "a share is a fraction from 0 to 1 (52% is 0.52)",
                    input.claimedValue()));
        } else if (input.claimedValue() < 0) {
            errors.add(new FieldError(at + "claimedValue", "a count is not negative", input.claimedValue()));
        }
        if (query.periodFrom() == null || query.periodTo() == null) {
            errors.add(new FieldError(at + "query.from", "a claim is about a period: give from and to, or fiscalYear",
                    null));
        }
        if (query.share() && !query.hasPlace()) {
            errors.add(new FieldError(at + "query.state", "a share is a place's share of the national total: name a"
                    + " state, county, facility or policy regime", null));
        }
        if (query.tolerance() != null && query.tolerance().absolute() == null && query.tolerance().relative() == null
                && !Boolean.TRUE.equals(query.tolerance().orMore())) {
            errors.add(new FieldError(at + "query.tolerance", "give absolute, relative or both", null));
        }
        try {
            StatsQuery.parse(QueryParameters.of(query.parameters(true)), snapshots.current());
        } catch (InvalidQueryException e) {
            errors.add(new FieldError(at + "query." + e.parameter(), e.getMessage(), null));
        }
        return errors.size() > failures ? null : input;
    }

    @Override
    protected ClaimInput inputOf(Claim claim) {
        ClaimView v = view(claim);
        return new ClaimInput(v.text(), v.source(), v.claimedValue(), v.query(), v.notCheckableReason(), v.verified());
    }

    @Override
    protected ClaimView view(Claim c) {
        return new ClaimView(c.id, c.version, c.text,
                new ClaimInput.Source(c.publisher, c.sourceTitle, c.published, c.url, c.quoted), c.claimedValue,
                query(c), c.notCheckableReason, c.verified, c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }

    private ClaimQuery query(Claim c) {
        if (c.query == null) {
            return null;
        }
        try {
            return json.readValue(c.query, ClaimQuery.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored query of claim " + c.id + " is not valid JSON", e);
        }
    }

    private String writeQuery(ClaimQuery query) {
        try {
            return json.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a claim query as JSON", e);
        }
    }
}
