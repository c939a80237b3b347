package org.detainerlab.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.map.SheetLayout;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.report.Rule;
import org.detainerlab.ingest.report.ValidationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowNormaliserTest {

    private static final String[] HEADER = {"Detainer Prepare Date", "Facility State", "Detainer Facility",
            "Detainer Lift Reason", "Detainer Type", "Citizenship Country", "Birth Year", "Final Order Yes No",
            "Anonymized Identifier"};
    private static final SheetLayout LAYOUT = layout(Profiles.ICE_MODERN, HEADER);

    private ValidationReport report;
    private RowNormaliser normaliser;
    private final NormalisedRow row = new NormalisedRow();

    private static SheetLayout layout(Profile profile, String[] header) {
        int[] columns = new int[Field.values().length];
        java.util.Arrays.fill(columns, -1);
        for (int i = 0; i < header.length; i++) {
            Field field = profile.fieldOf(header[i]);
            if (field != null) {
                columns[field.ordinal()] = i;
            }
        }
        return new SheetLayout("FY2024", profile, 7, java.util.List.of(header), columns);
    }

    @BeforeEach
    void setUp() {
        report = new ValidationReport();
        ReferenceData reference = new ReferenceData(Map.of("CA", 6L, "CALIFORNIA", 6L, "VIRGIN ISLANDS", 78L),
                Map.of("SANTA CLARA COUNTY MAIN JAIL", 11L));
        normaliser = new RowNormaliser(reference, report, LocalDate.of(2026, 11, 21));
    }

    private boolean normalise(String... cells) {
        return normaliser.normalise(new SourceRow("FY2024", 8, cells), LAYOUT, row);
    }

    @Test
    void resolvesStateFacilityOutcomeAndKeepsRawText() {
        assertThat(normalise("2024-01-02", "california", " Santa  Clara County Main Jail ", "Detainer Declined by LEA",
                "I247A", "MEXICO", "1990", "YES", "ab12")).isTrue();
        assertThat(row.prepareDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(row.stateId()).isEqualTo(6L);
        assertThat(row.facilityId()).isEqualTo(11L);
        assertThat(row.text(Field.FACILITY)).as("raw kept as published").isEqualTo(" Santa  Clara County Main Jail ");
        assertThat(row.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(row.birthYear()).isEqualTo(1990);
        assertThat(row.finalOrder()).isEqualTo((byte) 1);
        assertThat(report.rules()).isEmpty();
    }

    @Test
    void blankLiftReasonIsUnknownAndRedactionIsNotMissing() {
        assertThat(normalise("2024-01-02", "CA", "X", "", "I247A", "b(6), b(7)c")).isTrue();
        assertThat(row.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(row.text(Field.CITIZENSHIP_COUNTRY)).isNull();
        assertThat(row.isRedacted(Field.CITIZENSHIP_COUNTRY)).isTrue();
        assertThat(row.isRedacted(Field.LIFT_REASON)).isFalse();
        assertThat(report.count(Rule.REDACTED)).isEqualTo(1);
        assertThat(report.rules()).filteredOn(r -> r.rule().equals("redacted")).singleElement()
                .satisfies(r -> assertThat(r.examples().get(0).column()).isEqualTo("Citizenship Country (column F)"));
    }

    @Test
    void anUnparseableDateRejectsTheRowAndSaysWhere() {
        assertThat(normalise("31.01.2024", "CA", "X", "", "I247A")).isFalse();
        assertThat(report.rowsRejected()).isEqualTo(1);
        ValidationReport.Example example = report.rules().stream()
                .filter(r -> r.rule().equals("prepare_date.unparseable")).findFirst().orElseThrow().examples().get(0);
        assertThat(example).isEqualTo(new ValidationReport.Example("FY2024", 8, "Detainer Prepare Date (column A)",
                "31.01.2024"));
    }

    @Test
    void impossibleDatesAreRejected() {
        assertThat(normalise("5025-01-01", "CA", "X", "", "I247A")).isFalse();
        assertThat(normalise("1899-12-31", "CA", "X", "", "I247A")).isFalse();
        assertThat(report.count(Rule.PREPARE_DATE_OUT_OF_RANGE)).isEqualTo(2);
    }

    @Test
    void unknownValuesAreKeptRawAndReported() {
        assertThat(normalise("2024-01-02", "ATLANTIS", "NEW JAIL", "Honoured by sheriff", "I247A", "", "19x0", "maybe"))
                .isTrue();
        assertThat(row.stateId()).isNull();
        assertThat(row.text(Field.STATE)).isEqualTo("ATLANTIS");
        assertThat(row.facilityId()).isNull();
        assertThat(row.outcome()).isEqualTo(Outcome.OTHER_CLOSED);
        assertThat(row.birthYear()).isEqualTo(-1);
        assertThat(row.finalOrder()).isEqualTo(NormalisedRow.UNKNOWN);
        assertThat(report.count(Rule.STATE_UNRESOLVED)).isEqualTo(1);
        assertThat(report.count(Rule.LIFT_REASON_UNMAPPED)).isEqualTo(1);
        assertThat(report.count(Rule.BIRTH_YEAR_INVALID)).isEqualTo(1);
        assertThat(report.count(Rule.FLAG_INVALID)).isEqualTo(1);
        assertThat(report.unresolvedFacilities()).containsExactly(new ValidationReport.NameCount("NEW JAIL", 1));
    }

    @Test
    void missingTokensOfTheProfileAreMissing() {
        SheetLayout ddp = layout(Profiles.DDP, new String[] {"detainer_prepare_date", "facility_state",
                "detention_facility", "detainer_lift_reason", "birth_year"});
        assertThat(normaliser.normalise(new SourceRow("csv", 2, new String[] {"2026-02-11", "CA", "NA", "NA", "NA"}),
                ddp, row)).isTrue();
        assertThat(row.text(Field.FACILITY)).isNull();
        assertThat(row.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(row.birthYear()).isEqualTo(-1);
        assertThat(report.rules()).isEmpty();
    }
}
