package org.detainerlab.core.exchange;

import org.detainerlab.core.curation.ImportCount;

/** What an import did, or with {@code dryRun} what it would do: nothing of a dry run is kept. */
public record ImportSummary(boolean dryRun, ImportCount policies, ImportCount rulings) {
}
