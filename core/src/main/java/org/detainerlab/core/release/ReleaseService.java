package org.detainerlab.core.release;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

import org.detainerlab.core.common.ResourceNotFoundException;

@ApplicationScoped
public class ReleaseService {

    private final DataReleaseRepository releases;
    private final EntityManager em;

    public ReleaseService(DataReleaseRepository releases, EntityManager em) {
        this.releases = releases;
        this.em = em;
    }

    /**
     * Loaded releases of one kind ({@code DETAINERS}, {@code AGREEMENTS_287G}, {@code AREAS_OF_RESPONSIBILITY}) or of
     * all kinds when null, newest first.
     */
    @Transactional
    public List<ReleaseView> list(String kind) {
        return (kind == null
                ? releases.list("status", Sort.descending("id"), ReleaseStatus.LOADED)
                : releases.list("status = ?1 and kind = ?2", Sort.descending("id"), ReleaseStatus.LOADED, kind))
                .stream().map(ReleaseView::of).toList();
    }

    @Transactional
    public ReleaseView get(long id) {
        return ReleaseView.of(find(id));
    }

    /** The release's validation report as JSON text. */
    @Transactional
    public String report(long id) {
        return find(id).report;
    }

    /** Removes the release and all its detainer rows (its partition is dropped, which is immediate). */
    @Transactional
    public void delete(long id) {
        DataRelease release = find(id);
        em.createNativeQuery("drop table if exists " + DataRelease.partitionTable(release.id)).executeUpdate();
        releases.delete(release);
    }

    private DataRelease find(long id) {
        return releases.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("release", id));
    }
}
