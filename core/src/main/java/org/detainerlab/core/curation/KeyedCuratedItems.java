package org.detainerlab.core.curation;

/**
 * Curated items with a readable key (policies, rulings): named by id or key, matched by key on import, and deleted
 * softly, so that a deleted item's history stays readable by its id and its key stays taken.
 */
public abstract class KeyedCuratedItems<E extends CuratedItem, I extends KeyedInput, V extends CuratedView, C>
        extends CuratedItems<E, I, V, C> {

    private CuratedRepository<E> keyed;

    /** Called once, by the constructor of a kind's service: what the kind is called and where its items are. */
    protected final void curate(ItemKind<I> kind, CuratedRepository<E> repository) {
        super.curate(kind, repository);
        this.keyed = repository;
    }

    @Override
    protected CuratedRepository<E> store() {
        return keyed;
    }

    @Override
    protected String keyOf(I input) {
        return input.key();
    }

    @Override
    protected Long versionOf(I input) {
        return input.version();
    }

    @Override
    protected abstract boolean unchanged(C checked, V before);

    @Override
    protected boolean isLive(E item) {
        return item.deletedAt == null;
    }

    @Override
    protected void remove(E item) {
        item.markDeleted();
    }

    @Override
    protected void requireFree(I input, Long self) {
        store().requireFreeKey(itemKind().noun(), keyOf(input), self);
    }

    @Override
    protected E existing(String key) {
        return store().lockedByKey(key);
    }
}
