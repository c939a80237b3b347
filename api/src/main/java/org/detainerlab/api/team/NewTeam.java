package org.detainerlab.api.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team to create. Its name is what tokens will carry, so it cannot contain '/' (a group path separator). */
public record NewTeam(@NotBlank @Size(max = 100) @Pattern(regexp = "[^/]*", message = "must not contain '/'") String name) {
}
