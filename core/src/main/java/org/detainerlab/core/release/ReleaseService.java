package org.detainerlab.core.release;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.detainer.Place;
import org.detainerlab.core.detainer.Series;
import org.detainerlab.core.detainer.Snapshot;
import org.detainerlab.core.detainer.SnapshotSource;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;

/**
 * Data releases: listing, reading, and the admins' changes to what the release series reads of them (scope,
 * publication day, precedence, withdrawal), each under If-Match and recorded in the release's history in the same
 * transaction. Every change to a release row moves the data generation, so no cached answer outlives it.
 */
@ApplicationScoped
public class ReleaseService {

    private final DataReleaseRepository releases;
    private final SnapshotSource snapshots;
    private final ChangeHistory history;
    private final EntityManager em;

    public ReleaseService(DataReleaseRepository releases, SnapshotSource snapshots, ChangeHistory history,
                          EntityManager em) {
        this.releases = releases;
        this.snapshots = snapshots;
        this.history = history;
        this.em = em;
    }

    /**
     * Loaded releases of one kind ({@code DETAINERS}, {@code AGREEMENTS_287G}, {@code AREAS_OF_RESPONSIBILITY}) or of
     * all kinds when null, newest first; withdrawn ones only when asked for.
     */
    @Transactional
    public List<ReleaseView> list(String kind, boolean withWithdrawn) {
        Snapshot snapshot = snapshots.current();
        return (kind == null
                ? releases.list("status", Sort.descending("id"), ReleaseStatus.LOADED)
                : releases.list("status = ?1 and kind = ?2", Sort.descending("id"), ReleaseStatus.LOADED, kind))
                .stream().filter(r -> withWithdrawn || r.withdrawnAt == null)
                .map(r -> ReleaseView.of(r, snapshot::stateCode)).toList();
    }

    @Transactional
    public ReleaseView get(long id) {
        return view(find(id));
    }

    /** The release's validation report as JSON text. */
    @Transactional
    public String report(long id) {
        return find(id).report;
    }

    @Transactional
    public List<ChangeView> history(long id) {
        find(id);
        return history.of(ReleaseView.KIND, id);
    }

    /** The series as default questions read it now, with its gaps over every state. */
    public SeriesView series() {
        Snapshot snapshot = snapshots.current();
        Series series = snapshot.series();
        return new SeriesView(snapshot.generation(), series.uses(series.parts(), snapshot::stateCode),
                series.gaps(List.of(), List.of(), snapshot::stateCode));
    }

    /** Changes scope, publication day or precedence; 422 names an unknown state, 412 a stale If-Match. */
    @Transactional
    public ReleaseView edit(long id, String ifMatch, @Valid ReleaseEdit edit, String actor) {
        Long[] scope = scope(edit);
        DataRelease release = lock(id, ifMatch);
        ReleaseView before = view(release);
        if (Boolean.TRUE.equals(edit.national()) || scope != null) {
            release.scopeStateIds = scope;
        }
        if (edit.publishedOn() != null) {
            release.publishedOn = edit.publishedOn();
        }
        if (edit.precedence() != null) {
            release.precedence = edit.precedence();
        }
        return changed(release, before, ChangeAction.UPDATE, actor, edit.note());
    }

    /** Takes the release out of the series and the default lists; questions that name it still read it. */
    @Transactional
    public ReleaseView withdraw(long id, String ifMatch, @Valid ReleaseReason reason, String actor) {
        DataRelease release = lock(id, ifMatch);
        if (release.withdrawnAt != null) {
            throw new ConflictException("Release " + id + " was already withdrawn on " + release.withdrawnAt
                    + " by " + release.withdrawnBy);
        }
        ReleaseView before = view(release);
        release.withdrawnAt = OffsetDateTime.now();
        release.withdrawnBy = actor;
        release.withdrawnReason = reason.reason().strip();
        return changed(release, before, ChangeAction.HIDE, actor, reason.reason().strip());
    }

    /** Puts a withdrawn release back into the series. */
    @Transactional
    public ReleaseView restore(long id, String ifMatch, @Valid ReleaseReason reason, String actor) {
        DataRelease release = lock(id, ifMatch);
        if (release.withdrawnAt == null) {
            throw new ConflictException("Release " + id + " is not withdrawn");
        }
        ReleaseView before = view(release);
        release.withdrawnAt = null;
        release.withdrawnBy = null;
        release.withdrawnReason = null;
        return changed(release, before, ChangeAction.RESTORE, actor, reason.reason().strip());
    }

    /**
     * Removes the release and all its detainer rows and rollup groups (their partitions are dropped, which is
     * immediate). A release that saved figures or claim checks cite is removed only with {@code force}: otherwise
     * a 409 names them.
     */
    @Transactional
    public void delete(long id, boolean force, String actor) {
        DataRelease release = releases.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("release", id));
        if (!force) {
            List<String> citing = citations(id);
            if (!citing.isEmpty()) {
                throw new ConflictException("Release " + id + " is cited by " + String.join("; ", citing)
                        + ". Their provenance would name a release that is gone; withdraw it instead, or delete with"
                        + " force=true.");
            }
        }
        ReleaseView before = view(release);
        em.createNativeQuery("drop table if exists " + DataRelease.partitionTable(release.id)).executeUpdate();
        em.createNativeQuery("drop table if exists " + DataRelease.rollupPartitionTable(release.id)).executeUpdate();
        releases.delete(release);
        releases.flush();
        history.record(ReleaseView.KIND, id, release.version + 1, ChangeAction.DELETE, actor,
                force ? "deleted with force=true" : null, before, null);
    }

    private List<String> citations(long id) {
        List<String> citing = new ArrayList<>();
        List<?> figures = em.createNativeQuery("select id from figure where cast(releases as jsonb) @> cast(?1 as jsonb)"
                        + " or series @> cast(?2 as jsonb) order by id")
                .setParameter(1, "[{\"id\": " + id + "}]").setParameter(2, "[{\"release\": " + id + "}]")
                .getResultList();
        if (!figures.isEmpty()) {
            citing.add("saved figures " + join(figures));
        }
        List<?> claims = em.createNativeQuery("select distinct claim_id from claim_check where release_id = ?1"
                        + " or series @> cast(?2 as jsonb) order by claim_id")
                .setParameter(1, id).setParameter(2, "[{\"release\": " + id + "}]").getResultList();
        if (!claims.isEmpty()) {
            citing.add("the stored checks of claims " + join(claims));
        }
        return citing;
    }

    private static String join(List<?> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    private Long[] scope(ReleaseEdit edit) {
        List<FieldError> errors = new ArrayList<>();
        List<String> states = edit.states();
        if (Boolean.TRUE.equals(edit.national()) && states != null && !states.isEmpty()) {
            errors.add(new FieldError("states", "a national release covers every state: send national=true or"
                    + " states, not both", states));
        }
        if (Boolean.FALSE.equals(edit.national()) && (states == null || states.isEmpty())) {
            errors.add(new FieldError("states", "a release that is not national covers at least one state", null));
        }
        if (states != null && states.isEmpty() && edit.national() == null) {
            errors.add(new FieldError("states", "name at least one state, or send national=true", states));
        }
        List<Long> ids = new ArrayList<>();
        Snapshot snapshot = snapshots.current();
        for (int i = 0; states != null && i < states.size(); i++) {
            String value = states.get(i);
            Place place = snapshot.state(value).orElse(null);
            if (place == null) {
                errors.add(new FieldError("states[" + i + "]", "'" + value + "' is not a state, DC or territory"
                        + " (USPS code or name)", value));
            } else if (!ids.contains(place.id())) {
                ids.add(place.id());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return states == null || states.isEmpty() ? null : ids.stream().sorted().toArray(Long[]::new);
    }

    private ReleaseView changed(DataRelease release, ReleaseView before, ChangeAction action, String actor,
                                String note) {
        release.version++;
        releases.flush();
        ReleaseView after = view(release);
        history.record(ReleaseView.KIND, release.id, release.version, action, actor,
                note == null || note.isBlank() ? null : note.strip(), before, after);
        return after;
    }

    private ReleaseView view(DataRelease release) {
        return ReleaseView.of(release, snapshots.current()::stateCode);
    }

    private DataRelease find(long id) {
        return releases.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("release", id));
    }

    private DataRelease lock(long id, String ifMatch) {
        DataRelease release = releases.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("release", id));
        Revisions.requireMatch(ifMatch, ReleaseView.KIND, id, release.version);
        return release;
    }
}
