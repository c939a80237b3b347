package org.detainerlab.core.release;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin withdraws or restores a release; kept in the release's history. */
public record ReleaseReason(@NotBlank @Size(max = 2000) String reason) {
}
