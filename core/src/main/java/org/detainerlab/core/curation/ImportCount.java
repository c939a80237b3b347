package org.detainerlab.core.curation;

import java.util.ArrayList;
import java.util.List;

/** What an import did with its entries of one kind: counts, and the keys it created and updated. */
public final class ImportCount {
    public int created;
    public int updated;
    public int unchanged;
    public final List<String> createdKeys = new ArrayList<>();
    public final List<String> updatedKeys = new ArrayList<>();
}
