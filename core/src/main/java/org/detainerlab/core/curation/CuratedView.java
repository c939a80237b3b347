package org.detainerlab.core.curation;

/** What the API's view of every curated item carries for its ETag. */
public interface CuratedView {

    long id();

    long version();
}
