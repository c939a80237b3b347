package org.detainerlab.core.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A claim as a curator writes it (create and full replace): the text exactly as published, its source, and either
 * the claimed value with the query that checks it, or the reason the data cannot check it.
 */
public record ClaimInput(
        @NotBlank @Size(max = 5000) String text,
        @NotNull @Valid Source source,
        Double claimedValue,
        @Valid ClaimQuery query,
        @Size(max = 2000) String notCheckableReason,
        boolean verified) {

    /** Who published the claim, where and when, and whom it quotes or attributes it to. */
    public record Source(@NotBlank @Size(max = 300) String publisher,
                         @Size(max = 1000) String title,
                         @Pattern(regexp = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", message = "must be YYYY, YYYY-MM or"
                                 + " YYYY-MM-DD") String published,
                         @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
                         @Size(max = 1000) String quoted) {
    }
}
