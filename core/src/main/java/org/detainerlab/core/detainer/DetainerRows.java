package org.detainerlab.core.detainer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.TargetResolver;

/**
 * Resolves a published detainer row by its provenance, {@code <release id>/<source sheet>/<source row>}. The sheet
 * is everything between the first and the last slash, so a sheet name may itself contain one.
 */
@ApplicationScoped
public class DetainerRows implements TargetResolver {

    private final EntityManager entityManager;

    public DetainerRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.DETAINER_ROW;
    }

    @Override
    public boolean exists(String ref) {
        if (ref == null) {
            return false;
        }
        int first = ref.indexOf('/');
        int last = ref.lastIndexOf('/');
        if (first <= 0 || last <= first) {
            return false;
        }
        String release = ref.substring(0, first);
        String row = ref.substring(last + 1);
        if (!release.matches("[1-9][0-9]{0,17}") || !row.matches("[1-9][0-9]{0,8}")) {
            return false;
        }
        return !entityManager.createNativeQuery("select 1 from detainer where release_id = ?1 and source_sheet = ?2"
                        + " and source_row = ?3")
                .setParameter(1, Long.parseLong(release)).setParameter(2, ref.substring(first + 1, last))
                .setParameter(3, Integer.parseInt(row)).getResultList().isEmpty();
    }
}
