package org.detainerlab.api.jurisdiction;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.detainerlab.core.jurisdiction.JurisdictionView;

/**
 * A jurisdiction with the number of detainers the loaded releases hold for it: for a state, the rows whose state
 * is it; for a county, the rows at curated facilities recorded in it; for the nation, all rows.
 */
public record JurisdictionSummary(@JsonUnwrapped JurisdictionView jurisdiction, long detainers) {
}
