package org.detainerlab.core.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.persistence.LockModeType;

import java.util.Optional;

import org.detainerlab.core.common.ConflictException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;

/** Finding and locking curated items by id or key, the same way for every kind. */
public interface CuratedRepository<E extends CuratedItem> extends PanacheRepository<E> {

    Class<E> entityType();

    /**
     * The id of the item a path names by id or key, deleted ones included. Only the id is read, so that a locked
     * load that follows reads the row fresh rather than from the persistence context.
     */
    default Optional<Long> idOf(String ref) {
        String entity = entityType().getSimpleName();
        if (ref.chars().allMatch(Character::isDigit) && !ref.isEmpty() && ref.length() < 19) {
            return getEntityManager().createQuery("select e.id from " + entity + " e where e.id = :id", Long.class)
                    .setParameter("id", Long.parseLong(ref)).getResultStream().findFirst();
        }
        return getEntityManager().createQuery("select e.id from " + entity + " e where e.key = :key", Long.class)
                .setParameter("key", ref).getResultStream().findFirst();
    }

    default Optional<E> findLiveByKey(String key) {
        return find("key = ?1 and deletedAt is null", key).firstResultOptional();
    }

    /** The live item named by id or key; 404 otherwise. */
    default E live(String kind, String ref, LockModeType lock) {
        return idOf(ref).flatMap(id -> findByIdOptional(id, lock)).filter(e -> e.deletedAt == null)
                .orElseThrow(() -> new ResourceNotFoundException(kind, ref));
    }

    /** The live item with this key, locked for update, or null. */
    default E lockedByKey(String key) {
        return idOf(key).flatMap(id -> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE))
                .filter(e -> e.deletedAt == null && e.key.equals(key)).orElse(null);
    }

    /** Loads the row for update first, so that two editors holding the same ETag cannot both pass the check. */
    default E lockedForChange(String kind, String ref, String ifMatch) {
        E item = live(kind, ref, LockModeType.PESSIMISTIC_WRITE);
        Revisions.requireMatch(ifMatch, kind, item.id, item.version);
        return item;
    }

    /** 409 when {@code key} names another item, live or deleted (keys of deleted items stay taken for their history). */
    default void requireFreeKey(String kind, String key, Long self) {
        Optional<Long> taken = idOf(key);
        if (taken.isPresent() && !taken.get().equals(self)) {
            throw new ConflictException("A " + kind + " with key '" + key + "' already exists (keys of deleted items"
                    + " stay taken, so that their history stays readable)");
        }
    }
}
