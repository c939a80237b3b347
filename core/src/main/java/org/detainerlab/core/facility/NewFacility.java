package org.detainerlab.core.facility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a curator supplies to add a facility. */
public record NewFacility(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 40) String iceCode,
        @Size(max = 120) String city,
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter USPS state code") String stateCode,
        @Pattern(regexp = "[0-9]{5}", message = "must be a five-digit county FIPS code") String countyCode,
        List<@NotBlank @Size(max = 300) String> aliases) {
}
