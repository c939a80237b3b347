package org.detainerlab.core.exchange;

import org.detainerlab.core.curation.ImportCount;

public record ImportSummary(ImportCount policies, ImportCount rulings) {
}
