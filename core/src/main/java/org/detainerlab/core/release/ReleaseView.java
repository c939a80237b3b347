package org.detainerlab.core.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A data release as researchers see it: source, fingerprint, coverage and counts, and what the release series
 * reads of it: its scope (USPS codes of the states it covers; absent when national), the day it was published,
 * its precedence, and its withdrawal (absent unless withdrawn). version is the ETag's version.
 */
public record ReleaseView(long id, long version, String kind, String title, String publisher, String foiaNumber,
                          String sourceUrl, String licence, LocalDate retrievedOn, String fileName, long fileSize,
                          String sha256, String profile, LocalDate coverageFrom, LocalDate coverageTo, long rowsRead,
                          long rowsLoaded, long rowsRejected, long likelyDuplicates, ReleaseStatus status,
                          OffsetDateTime createdAt, String createdBy,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> scope, boolean national,
                          LocalDate publishedOn, int precedence,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawn) {

    public static final String KIND = "release";

    /** Who withdrew the release, when and why. */
    public record Withdrawal(OffsetDateTime at, String by, String reason) {
    }

    static ReleaseView of(DataRelease r, LongFunction<String> stateCode) {
        List<String> scope = r.scopeStateIds == null ? null
                : Arrays.stream(r.scopeStateIds).map(stateCode::apply).sorted().toList();
        return new ReleaseView(r.id, r.version, r.kind, r.title, r.publisher, r.foiaNumber, r.sourceUrl, r.licence,
                r.retrievedOn, r.fileName, r.fileSize, r.sha256, r.profile, r.coverageFrom, r.coverageTo, r.rowsRead,
                r.rowsLoaded, r.rowsRejected, r.likelyDuplicates, r.status, r.createdAt, r.createdBy, scope,
                scope == null, r.publishedOn, r.precedence,
                r.withdrawnAt == null ? null : new Withdrawal(r.withdrawnAt, r.withdrawnBy, r.withdrawnReason));
    }
}
