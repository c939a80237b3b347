package org.detainerlab.core.curation;

import java.util.List;

/**
 * An import of one kind, checked in full and not yet written: what it will do, and the writes that do it. Plans of
 * several kinds in one file are all made before any is written.
 */
public final class ImportPlan {

    /** Who imports seeds. */
    public static final String SYSTEM = "system";

    private final ImportCount count;
    private final List<Runnable> writes;

    ImportPlan(ImportCount count, List<Runnable> writes) {
        this.count = count;
        this.writes = List.copyOf(writes);
    }

    public ImportCount count() {
        return count;
    }

    /** Writes the plan, in the order of its entries. */
    public void write() {
        writes.forEach(Runnable::run);
    }
}
