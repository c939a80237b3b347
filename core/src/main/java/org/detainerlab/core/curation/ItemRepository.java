package org.detainerlab.core.curation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import java.util.Optional;

/** Finding curated items by the number in their path, the same way for every kind. */
public interface ItemRepository<E extends VersionedItem> extends PanacheRepository<E> {

    Class<E> entityType();

    /**
     * The id of the item a path names, if there is one. Only the id is read, so that a locked load that follows
     * reads the row fresh rather than from the persistence context.
     */
    default Optional<Long> idOf(String ref) {
        return number(ref).flatMap(id -> getEntityManager().createQuery("select e.id from "
                + entityType().getSimpleName() + " e where e.id = :id", Long.class).setParameter("id", id)
                .getResultStream().findFirst());
    }

    /** The number a path names, whether or not an item has it (a deleted item's history is still under it). */
    static Optional<Long> number(String ref) {
        if (ref == null || ref.isEmpty() || ref.length() > 18 || !ref.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref));
    }
}
