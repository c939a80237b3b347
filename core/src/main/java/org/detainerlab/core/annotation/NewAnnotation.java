package org.detainerlab.core.annotation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import org.detainerlab.core.common.TargetKind;

/**
 * A new annotation, or a reply when {@code parentId} is set (a reply takes its thread's target, visibility and
 * team, so it gives none of them).
 */
public record NewAnnotation(@Valid TargetInput target, Long parentId,
                            @NotBlank @Size(max = 20_000) String body,
                            List<@NotNull @Pattern(regexp = TAG, message = TAG_MESSAGE) String> tags,
                            Visibility visibility, @Size(max = 200) String team) {

    static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,59}";
    static final String TAG_MESSAGE = "must be 1 to 60 letters, digits, spaces, '_', '.' or '-'";

    public record TargetInput(@NotNull TargetKind kind, @NotBlank @Size(max = 500) String ref,
                              @Pattern(regexp = "[a-z][a-z0-9_]{0,59}", message = "must be a field name such as lift_reason")
                              String field,
                              @Valid TextQuoteSelector quote, @Valid TextPositionSelector position) {
    }
}
