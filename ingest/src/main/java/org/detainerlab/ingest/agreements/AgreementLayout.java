package org.detainerlab.ingest.agreements;

import static org.detainerlab.ingest.agreements.AgreementColumn.ADDENDUM;
import static org.detainerlab.ingest.agreements.AgreementColumn.AGENCY;
import static org.detainerlab.ingest.agreements.AgreementColumn.COUNTY;
import static org.detainerlab.ingest.agreements.AgreementColumn.MOA;
import static org.detainerlab.ingest.agreements.AgreementColumn.SIGNED;
import static org.detainerlab.ingest.agreements.AgreementColumn.STATE;
import static org.detainerlab.ingest.agreements.AgreementColumn.SUPPORT_TYPE;
import static org.detainerlab.ingest.agreements.AgreementColumn.TYPE;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The layouts ICE has published its lists in. A header fits a layout when it has exactly the layout's columns,
 * plus any of its optional ones: a list with a column more or less is a new layout, and guessing would load it
 * wrong, so it is refused with the columns found and expected.
 */
enum AgreementLayout {
    /** The participating list as published on 2025-12-31. */
    PARTICIPATING("287g-participating", ListStatus.PARTICIPATING,
            EnumSet.of(STATE, AGENCY, TYPE, COUNTY, SUPPORT_TYPE, SIGNED, MOA), EnumSet.of(ADDENDUM)),
    /** The participating list as published until early 2025 (seen on 2025-01-04): no agency type or county. */
    PARTICIPATING_2025_01("287g-participating-2025-01", ListStatus.PARTICIPATING,
            EnumSet.of(STATE, AGENCY, SUPPORT_TYPE, SIGNED, MOA), EnumSet.of(ADDENDUM)),
    /** Requests awaiting signature: no date signed and no MOA yet. */
    PENDING("287g-pending", ListStatus.PENDING,
            EnumSet.of(STATE, AGENCY, TYPE, COUNTY, SUPPORT_TYPE), EnumSet.noneOf(AgreementColumn.class));

    private final String profile;
    private final ListStatus status;
    private final Set<AgreementColumn> required;
    private final Set<AgreementColumn> optional;

    AgreementLayout(String profile, ListStatus status, Set<AgreementColumn> required, Set<AgreementColumn> optional) {
        this.profile = profile;
        this.status = status;
        this.required = required;
        this.optional = optional;
    }

    /** The name recorded as the release's profile. */
    String profile() {
        return profile;
    }

    ListStatus status() {
        return status;
    }

    boolean fits(Set<AgreementColumn> found) {
        Set<AgreementColumn> rest = EnumSet.noneOf(AgreementColumn.class);
        rest.addAll(found);
        rest.removeAll(optional);
        return rest.equals(required);
    }

    /** What the layout needs, and how a header that does not fit differs from it. */
    String explain(Set<AgreementColumn> found) {
        StringBuilder text = new StringBuilder(profile).append(" has ").append(headers(required));
        if (!optional.isEmpty()) {
            text.append(" and optionally ").append(headers(optional));
        }
        Set<AgreementColumn> missing = EnumSet.copyOf(required);
        missing.removeAll(found);
        Set<AgreementColumn> extra = EnumSet.noneOf(AgreementColumn.class);
        extra.addAll(found);
        extra.removeAll(required);
        extra.removeAll(optional);
        if (!missing.isEmpty()) {
            text.append(" (missing: ").append(headers(missing)).append(')');
        }
        if (!extra.isEmpty()) {
            text.append(" (not in this layout: ").append(headers(extra)).append(')');
        }
        return text.toString();
    }

    private static String headers(Set<AgreementColumn> columns) {
        return columns.stream().map(AgreementColumn::header).collect(Collectors.joining(" | "));
    }
}
