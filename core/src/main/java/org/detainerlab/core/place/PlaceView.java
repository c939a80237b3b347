package org.detainerlab.core.place;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A published place and its resolution as the API shows it: what was published (state, facility spelling, code,
 * city), the county and facility in effect, what the resolver proposed and why (method, confidence, evidence,
 * candidates), the status, who decided, how many detainers it holds in the release series (rows that overlapping
 * releases both hold counted once), and the version that If-Match names.
 */
public record PlaceView(long id, String state, String facility, String facilityCode, String city, String status,
                        String method, String county, String countyName, String proposedCounty,
                        String proposedCountyName, Long facilityId, double confidence, JsonNode evidence,
                        JsonNode candidates, long detainers, String decidedBy, OffsetDateTime decidedAt, long version) {

    public static final String KIND = "place";
}
