package org.detainerlab.api.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** What an upload asks for, kept with its job as JSON until an instance runs it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestOptions(String title, String publisher, String foiaNumber, String sourceUrl, String licence,
                            LocalDate retrievedOn, String profile, String mapping, Double maxRejectedShare,
                            Double warnRejectedShare) {
}
