package org.detainerlab.core.curation;

import jakarta.persistence.LockModeType;

import java.util.Optional;

import org.detainerlab.core.common.ConflictException;

/** Finding and locking keyed curated items by id or key, the same way for every kind. */
public interface CuratedRepository<E extends CuratedItem> extends ItemRepository<E> {

    /** The id of the item a path names by id or key, deleted ones included. */
    @Override
    default Optional<Long> idOf(String ref) {
        if (!ref.isEmpty() && ref.length() < 19 && ref.chars().allMatch(Character::isDigit)) {
            return ItemRepository.super.idOf(ref);
        }
        return getEntityManager().createQuery("select e.id from " + entityType().getSimpleName()
                + " e where e.key = :key", Long.class).setParameter("key", ref).getResultStream().findFirst();
    }

    default Optional<E> findLiveByKey(String key) {
        return find("key = ?1 and deletedAt is null", key).firstResultOptional();
    }

    /** The live item with this key, locked for update, or null. */
    default E lockedByKey(String key) {
        return idOf(key).flatMap(id -> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE))
                .filter(e -> e.deletedAt == null && e.key.equals(key)).orElse(null);
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
