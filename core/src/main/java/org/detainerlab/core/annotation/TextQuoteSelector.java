package org.detainerlab.core.annotation;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** W3C Web Annotation TextQuoteSelector: the quoted text and a little of what comes before and after it. */
public record TextQuoteSelector(@NotEmpty @Size(max = 5000) String exact, @Size(max = 200) String prefix,
                                @Size(max = 200) String suffix) {
}
