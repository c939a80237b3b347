package org.detainerlab.core.caserecord;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

import org.detainerlab.core.curation.DatePrecision;

/**
 * A case record as a curator writes it (create and full replace). Every event, descriptor and the framing name
 * one of the record's sources by key; the service checks those references and every link.
 */
public record CaseRecordInput(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 20_000) String narrative,
        List<@NotBlank @Size(max = 10) String> jurisdictions,
        Long facilityId,
        @Size(max = 300) String facilityName,
        List<@Valid @NotNull Descriptor> subject,
        @Valid Framing sourceFraming,
        List<@Valid @NotNull Event> events,
        @NotEmpty List<@Valid @NotNull Source> sources,
        List<@Valid @NotNull DetainerRow> detainerRows,
        List<@NotBlank @Size(max = 200) String> policies,
        List<@NotBlank @Size(max = 200) String> rulings,
        boolean verified) {

    public static final String KEY = "[a-z0-9][a-z0-9-]{0,79}";
    private static final String KEY_MESSAGE = "must be lower-case letters, digits and '-' (at most 80)";

    /** Where the record's statements come from, with the passage quoted. */
    public record Source(@NotBlank @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
                         @NotBlank @Size(max = 1000) String citation,
                         @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
                         LocalDate publishedOn,
                         @Size(max = 5000) String quote) {
    }

    /** One event; its date is optional (the source may not state it) but needs a precision when given. */
    public record Event(@NotBlank @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
                        @NotNull EventType type,
                        LocalDate date,
                        DatePrecision precision,
                        @Size(max = 2000) String description,
                        @NotBlank String source) {
    }

    /** A fact about the subject, only as a source states it: the value and the passage that states it. */
    public record Descriptor(@NotNull DescriptorKind kind,
                             @NotBlank @Size(max = 200) String value,
                             @NotBlank String source,
                             @NotBlank @Size(max = 2000) String passage) {
    }

    /** The source's framing of the case, kept as its words. */
    public record Framing(@NotBlank @Size(max = 5000) String quote, @NotBlank String source) {
    }

    /** A published detainer row by its provenance. */
    public record DetainerRow(@NotNull @Min(1) Long releaseId,
                              @NotBlank String sheet,
                              @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer row) {
    }
}
