package org.detainerlab.core.curation;

/** What the API's view of every curated item carries for its ETag. */
public interface CuratedView {

    long id();

    long version();

    /** The key the item is addressed by where its kind has one (policies, rulings); null where it goes by id. */
    default String key() {
        return null;
    }
}
