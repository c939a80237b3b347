package org.detainerlab.core.curation;

/** The input of a keyed item: its key, and in an import the version it was exported from. */
public interface KeyedInput {

    String key();

    Long version();
}
