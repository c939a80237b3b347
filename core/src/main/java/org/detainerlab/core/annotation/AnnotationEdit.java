package org.detainerlab.core.annotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What an author may change: the body and the tags. */
public record AnnotationEdit(@NotBlank @Size(max = 20_000) String body,
                             List<@NotNull @Pattern(regexp = NewAnnotation.TAG, message = NewAnnotation.TAG_MESSAGE)
                                     String> tags) {
}
