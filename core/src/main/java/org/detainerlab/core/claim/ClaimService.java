package org.detainerlab.core.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ImportKeys;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.detainer.QueryParameters;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.stats.StatsQuery;

/**
 * The claims ledger: curated claims (every change checked against the version the curator read, under a row lock,
 * and recorded in the claim's history in the same transaction) and their checks against the loaded releases.
 */
@ApplicationScoped
public class ClaimService {

    public static final int MAX_PAGE = 200;

    private final ClaimRepository claims;
    private final ClaimCheckRepository checks;
    private final ClaimChecker checker;
    private final SnapshotSource snapshots;
    private final ChangeHistory history;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ClaimService(ClaimRepository claims, ClaimCheckRepository checks, ClaimChecker checker,
                        SnapshotSource snapshots, ChangeHistory history, EntityManager entityManager,
                        ObjectMapper json) {
        this.claims = claims;
        this.checks = checks;
        this.checker = checker;
        this.snapshots = snapshots;
        this.history = history;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional
    public Page<ClaimView> search(String q, int page, int size) {
        return claims.search(q, page, Math.min(Math.max(size, 1), MAX_PAGE)).map(this::view);
    }

    @Transactional
    public ClaimView get(long id) {
        return view(find(id));
    }

    @Transactional
    public List<ChangeView> history(long id) {
        find(id);
        return history.of(ClaimView.KIND, id);
    }

    @Transactional
    public ClaimView create(@Valid ClaimInput input, String actor) {
        return create(input, actor, ChangeAction.CREATE, null);
    }

    /**
     * Imports a seed claim once: {@code importKey} is remembered even if the claim is later deleted, and a second
     * instance starting at the same time imports nothing.
     */
    @Transactional
    public boolean importOnce(String importKey, @Valid ClaimInput input, String note) {
        if (!ImportKeys.claim(entityManager, "claim_import", importKey)) {
            return false;
        }
        create(input, "system", ChangeAction.IMPORT, note);
        return true;
    }

    private ClaimView create(ClaimInput input, String actor, ChangeAction action, String note) {
        Claim claim = new Claim();
        claim.version = 1;
        claim.createdAt = OffsetDateTime.now();
        claim.createdBy = actor;
        apply(claim, input, actor);
        claims.persistAndFlush(claim);
        ClaimView created = view(claim);
        history.record(ClaimView.KIND, claim.id, claim.version, action, actor, note, null, created);
        return created;
    }

    /** Replaces the whole claim; {@code ifMatch} must name the current version. */
    @Transactional
    public ClaimView replace(long id, String ifMatch, @Valid ClaimInput input, String actor) {
        Claim claim = lock(id, ifMatch);
        ClaimView before = view(claim);
        apply(claim, input, actor);
        claim.version++;
        claims.flush();
        ClaimView after = view(claim);
        history.record(ClaimView.KIND, claim.id, claim.version, ChangeAction.UPDATE, actor, null, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch, String actor) {
        Claim claim = lock(id, ifMatch);
        ClaimView before = view(claim);
        claims.delete(claim);
        claims.flush();
        history.record(ClaimView.KIND, id, claim.version + 1, ChangeAction.DELETE, actor, null, before, null);
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

    private Claim lock(long id, String ifMatch) {
        Claim claim = claims.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("claim", id));
        Revisions.requireMatch(ifMatch, ClaimView.KIND, id, claim.version);
        return claim;
    }

    private void apply(Claim claim, ClaimInput input, String actor) {
        List<FieldError> errors = check(input);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        claim.text = input.text().trim();
        claim.publisher = input.source().publisher().trim();
        claim.sourceTitle = blankToNull(input.source().title());
        claim.published = blankToNull(input.source().published());
        claim.url = blankToNull(input.source().url());
        claim.quoted = blankToNull(input.source().quoted());
        claim.claimedValue = input.claimedValue();
        claim.query = input.query() == null ? null : write(input.query());
        claim.notCheckableReason = input.query() == null ? input.notCheckableReason().trim() : null;
        claim.verified = input.verified();
        claim.updatedAt = OffsetDateTime.now();
        claim.updatedBy = actor;
    }

    /** Every rule a claim must meet beyond its field constraints, all reported at once. */
    private List<FieldError> check(ClaimInput input) {
        List<FieldError> errors = new ArrayList<>();
        ClaimQuery query = input.query();
        String reason = blankToNull(input.notCheckableReason());
        if (query == null) {
            if (reason == null) {
                errors.add(new FieldError("notCheckableReason", "is required when the claim has no query: say why"
                        + " the data cannot check it", null));
            }
            return errors;
        }
        if (reason != null) {
            errors.add(new FieldError("notCheckableReason", "must be empty when the claim has a query", reason));
        }
        if (input.claimedValue() == null) {
            errors.add(new FieldError("claimedValue", "is required with a query", null));
        } else if (query.share() && (input.claimedValue() < 0 || input.claimedValue() > 1)) {
            errors.add(new FieldError("claimedValue", "a share is a fraction from 0 to 1 (52% is 0.52)",
                    input.claimedValue()));
        } else if (input.claimedValue() < 0) {
            errors.add(new FieldError("claimedValue", "a count is not negative", input.claimedValue()));
        }
        if (query.periodFrom() == null || query.periodTo() == null) {
            errors.add(new FieldError("query.from", "a claim is about a period: give from and to, or fiscalYear",
                    null));
        }
        if (query.share() && !query.hasPlace()) {
            errors.add(new FieldError("query.state", "a share is a place's share of the national total: name a"
                    + " state, county or facility", null));
        }
        if (query.tolerance() != null && query.tolerance().absolute() == null && query.tolerance().relative() == null) {
            errors.add(new FieldError("query.tolerance", "give absolute, relative or both", null));
        }
        try {
            StatsQuery.parse(QueryParameters.of(query.parameters(true)), snapshots.current());
        } catch (InvalidQueryException e) {
            errors.add(new FieldError("query." + e.parameter(), e.getMessage(), null));
        }
        return errors;
    }

    private ClaimView view(Claim c) {
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

    private String write(ClaimQuery query) {
        try {
            return json.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a claim query as JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
