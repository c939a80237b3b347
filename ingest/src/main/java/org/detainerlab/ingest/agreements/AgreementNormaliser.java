package org.detainerlab.ingest.agreements;

import static org.detainerlab.ingest.agreements.AgreementColumn.ADDENDUM;
import static org.detainerlab.ingest.agreements.AgreementColumn.AGENCY;
import static org.detainerlab.ingest.agreements.AgreementColumn.COUNTY;
import static org.detainerlab.ingest.agreements.AgreementColumn.MOA;
import static org.detainerlab.ingest.agreements.AgreementColumn.SIGNED;
import static org.detainerlab.ingest.agreements.AgreementColumn.STATE;
import static org.detainerlab.ingest.agreements.AgreementColumn.SUPPORT_TYPE;
import static org.detainerlab.ingest.agreements.AgreementColumn.TYPE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.detainerlab.ingest.normalise.ReferenceData;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.xlsx.Hyperlinks;

/**
 * Turns the rows of one sheet into agreements, applying the {@link AgreementRule}s: published text is kept in the
 * raw columns, cleaned values are set only where they can be trusted, and every finding goes to the report.
 */
final class AgreementNormaliser {

    private static final Set<String> COUNTY_PLACEHOLDERS = Set.of("#N/A", "#NA", "N/A", "NA");

    private final AgreementSheet sheet;
    private final ReferenceData states;
    private final Hyperlinks links;
    private final AgreementReport report;
    private final LocalDate today;

    AgreementNormaliser(AgreementSheet sheet, ReferenceData states, Hyperlinks links, AgreementReport report,
                        LocalDate today) {
        this.sheet = sheet;
        this.states = states;
        this.links = links;
        this.report = report;
        this.today = today;
    }

    /** The agreement of a data row, or null when the row is rejected (counted and reported). */
    AgreementRow normalise(SourceRow row) {
        report.rows().rowRead();
        reportSpaces(row);
        String agencyRaw = sheet.raw(row, AGENCY);
        if (agencyRaw == null) {
            hit(AgreementRule.AGENCY_MISSING, row, AGENCY, cellsOf(row));
            report.rows().rowRejected();
            return null;
        }
        String agency = Text.trim(agencyRaw);
        if (!NameSpelling.suspectWords(agency).isEmpty()) {
            hit(AgreementRule.NAME_MISSPELT, row, AGENCY, agencyRaw);
        }
        String stateRaw = sheet.raw(row, STATE);
        Long stateId = stateRaw == null ? null : states.state(stateRaw);
        if (stateId == null) {
            hit(AgreementRule.STATE_UNRESOLVED, row, STATE, stateRaw == null ? "" : stateRaw);
        }
        String countyRaw = sheet.raw(row, COUNTY);
        if (countyRaw != null) {
            checkCounty(row, agencyRaw, countyRaw);
        }
        String modelRaw = sheet.raw(row, SUPPORT_TYPE);
        String agencyType = sheet.raw(row, TYPE);
        LocalDate signedOn = sheet.has(SIGNED) ? signed(row) : null;
        String moaUrl = sheet.has(MOA) ? moaUrl(row) : null;
        String addendumRaw = sheet.raw(row, ADDENDUM);
        String addendumUrl = sheet.has(ADDENDUM) ? documentUrl(row, ADDENDUM) : null;
        return new AgreementRow(sheet.name(), row.rowNumber(), sheet.layout().status(), stateRaw, stateId, agency,
                agencyRaw, agencyType == null ? null : Text.trim(agencyType), countyRaw, model(row, modelRaw),
                modelRaw, signedOn, sheet.raw(row, SIGNED), moaUrl, addendumRaw, addendumUrl);
    }

    private void reportSpaces(SourceRow row) {
        for (AgreementColumn column : AgreementColumn.values()) {
            String raw = sheet.raw(row, column);
            if (raw != null && !Text.trim(raw).equals(raw)) {
                hit(AgreementRule.WHITESPACE_TRIMMED, row, column, raw);
            }
        }
    }

    private void checkCounty(SourceRow row, String agencyRaw, String countyRaw) {
        String county = Text.trim(countyRaw);
        if (COUNTY_PLACEHOLDERS.contains(county.toUpperCase(Locale.ROOT))) {
            hit(AgreementRule.COUNTY_PLACEHOLDER, row, COUNTY, countyRaw);
            return;
        }
        if (!NameSpelling.suspectWords(county).isEmpty()) {
            hit(AgreementRule.NAME_MISSPELT, row, COUNTY, countyRaw);
        }
        if (NameSpelling.countyMisspeltAgainstAgency(Text.trim(agencyRaw), county) != null) {
            report.hit(AgreementRule.COUNTY_DIFFERS_FROM_AGENCY, sheet.name(), row.rowNumber(),
                    sheet.describe(AGENCY) + " | " + sheet.describe(COUNTY), agencyRaw + " | " + countyRaw);
        }
    }

    private SupportModel model(SourceRow row, String modelRaw) {
        if (modelRaw == null) {
            hit(AgreementRule.MODEL_MISSING, row, SUPPORT_TYPE, "");
            return null;
        }
        ModelNames.Match match = ModelNames.match(Text.trim(modelRaw));
        if (match == null) {
            hit(AgreementRule.MODEL_UNRECOGNISED, row, SUPPORT_TYPE, modelRaw);
            return null;
        }
        if (!match.exact()) {
            hit(AgreementRule.MODEL_CORRECTED, row, SUPPORT_TYPE, modelRaw);
        }
        return match.model();
    }

    private LocalDate signed(SourceRow row) {
        String raw = sheet.raw(row, SIGNED);
        if (raw == null) {
            hit(AgreementRule.SIGNED_MISSING, row, SIGNED, "");
            return null;
        }
        LocalDate date = SignedDates.parse(Text.trim(raw));
        if (date == null) {
            hit(AgreementRule.SIGNED_UNPARSEABLE, row, SIGNED, raw);
            return null;
        }
        if (!SignedDates.plausible(date, today)) {
            hit(AgreementRule.SIGNED_OUT_OF_RANGE, row, SIGNED, raw);
            return null;
        }
        return date;
    }

    private String moaUrl(SourceRow row) {
        String url = documentUrl(row, MOA);
        if (url == null) {
            String text = sheet.raw(row, MOA);
            hit(AgreementRule.MOA_MISSING, row, MOA, text == null ? "" : text);
        }
        return url;
    }

    /** The address a cell links to, or that it holds as text; null when it has neither. */
    private String documentUrl(SourceRow row, AgreementColumn column) {
        String target = links.target(row.rowNumber(), sheet.index(column));
        String text = sheet.raw(row, column);
        String url = target != null && !Text.isBlank(target) ? Text.trim(target)
                : text != null && DocumentLinks.isUrl(Text.trim(text)) ? Text.trim(text) : null;
        if (url == null) {
            return null;
        }
        DocumentLinks.Link link = DocumentLinks.clean(url);
        if (link.unwrapped()) {
            hit(AgreementRule.LINK_UNWRAPPED, row, column, url);
        }
        return link.url();
    }

    private void hit(AgreementRule rule, SourceRow row, AgreementColumn column, String value) {
        report.hit(rule, sheet.name(), row.rowNumber(), sheet.describe(column), value);
    }

    /** A rejected row's non-blank cells, so the report shows what the row held. */
    private static String cellsOf(SourceRow row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.cells()) {
            if (!Text.isBlank(cell)) {
                cells.add(cell);
            }
        }
        return String.join(" | ", cells);
    }
}
