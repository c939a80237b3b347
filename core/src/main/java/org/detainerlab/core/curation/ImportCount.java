package org.detainerlab.core.curation;

/** What an import did with its entries of one kind. */
public final class ImportCount {
    public int created;
    public int updated;
    public int unchanged;
}
