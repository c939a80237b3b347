package org.detainerlab.core.ruling;

import java.util.Locale;

/** Courts by readable key, as CourtListener names them ({@code ca9}, {@code ord}, ...). */
public enum Court {
    SCOTUS("Supreme Court of the United States"),
    CA1("U.S. Court of Appeals for the First Circuit"),
    CA3("U.S. Court of Appeals for the Third Circuit"),
    CA5("U.S. Court of Appeals for the Fifth Circuit"),
    CA9("U.S. Court of Appeals for the Ninth Circuit"),
    ORD("U.S. District Court for the District of Oregon"),
    EDCAL("U.S. District Court for the Eastern District of California"),
    CDCAL("U.S. District Court for the Central District of California"),
    NDILL("U.S. District Court for the Northern District of Illinois"),
    EDPA("U.S. District Court for the Eastern District of Pennsylvania"),
    WDTEX("U.S. District Court for the Western District of Texas"),
    MASS("Supreme Judicial Court of Massachusetts"),
    NYAPPDIV2("New York Supreme Court, Appellate Division, Second Department");

    private final String fullName;

    Court(String fullName) {
        this.fullName = fullName;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fullName() {
        return fullName;
    }
}
