package org.detainerlab.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.detainerlab.ingest.read.SourceFormatException;
import org.junit.jupiter.api.Test;

class HeaderDetectorTest {

    private static final String[] MODERN_HEADER = {"Detainer Prepare Date", "Facility State", "Facility AOR",
            "Detainer Facility", "Detainer Facility Code", "Detainer Lift Reason", "Detainer Type", "Anonymized Identifier"};

    @Test
    void findsTheHeaderBelowSixTitleRowsAndMapsColumns() throws Exception {
        ListRows rows = new ListRows("FY2024",
                new String[] {"U.S. Immigration and Customs Enforcement"}, new String[] {"ERO-LESA"},
                new String[] {"Detainers FY2024"}, new String[] {}, new String[] {"FOIA 2024-ICFO-39357"},
                new String[] {"Data through 2024-09-30"}, MODERN_HEADER,
                new String[] {"2024-01-02", "TEXAS", "Houston", "HARRIS COUNTY JAIL", "HCJ", "", "I247A", "ab12"});
        SheetLayout layout = HeaderDetector.detect("f.xlsx", "FY2024", rows, Profiles.BUILT_IN);
        assertThat(layout.profile()).isEqualTo(Profiles.ICE_MODERN);
        assertThat(layout.headerRow()).isEqualTo(7);
        assertThat(layout.column(Field.PREPARE_DATE)).isZero();
        assertThat(layout.column(Field.FACILITY)).isEqualTo(3);
        assertThat(layout.column(Field.ANONYMIZED_ID)).isEqualTo(7);
        assertThat(layout.has(Field.GENDER)).isFalse();
        assertThat(rows.next().cell(1)).as("iterator is left at the first data row").isEqualTo("TEXAS");
    }

    @Test
    void olderModernNamesAndOddSpacingStillMatch() throws Exception {
        ListRows rows = new ListRows("FY2025", new String[] {" detainer  prepare date", "FACILITY STATE",
                "Detention Facility", "Detainer Lift Reason ", "Detainer Type", "Unique Identifier"});
        SheetLayout layout = HeaderDetector.detect("f.xlsx", "FY2025", rows, Profiles.BUILT_IN);
        assertThat(layout.profile().name()).isEqualTo("ice-modern");
        assertThat(layout.column(Field.FACILITY)).isEqualTo(2);
        assertThat(layout.column(Field.ANONYMIZED_ID)).isEqualTo(5);
    }

    @Test
    void the2015LayoutAndTheDdpLayoutAreRecognised() throws Exception {
        SheetLayout ice2015 = HeaderDetector.detect("f.xlsx", "s", new ListRows("s", new String[] {"Prepare Date",
                "Detainer Type", "Detainer Detention Facility", "State", "City", "Detainer Lift Reason"}), Profiles.BUILT_IN);
        assertThat(ice2015.profile()).isEqualTo(Profiles.ICE_2015);
        SheetLayout ddp = HeaderDetector.detect("f.csv", "csv", new ListRows("csv", new String[] {"",
                "detainer_prepare_date", "facility_state", "detention_facility", "detainer_lift_reason"}), Profiles.BUILT_IN);
        assertThat(ddp.profile()).isEqualTo(Profiles.DDP);
        assertThat(ddp.column(Field.PREPARE_DATE)).isEqualTo(1);
    }

    @Test
    void anEmptySheetHasNoLayout() throws Exception {
        assertThat(HeaderDetector.detect("f.xlsx", "Notes", new ListRows("Notes"), Profiles.BUILT_IN)).isNull();
    }

    @Test
    void wrongHeadersListWhatWasFoundWhatIsExpectedAndHowToMap() {
        ListRows rows = new ListRows("Sheet1", new String[] {"Title"}, new String[] {"Date", "Jail", "Outcome"},
                new String[] {"2015-01-01", "X", "Y"});
        assertThatThrownBy(() -> HeaderDetector.detect("export.xlsx", "Sheet1", rows, Profiles.BUILT_IN))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("export.xlsx, sheet 'Sheet1', row 2")
                .hasMessageContaining("[Date, Jail, Outcome]")
                .hasMessageContaining("ice-modern needs").hasMessageContaining("ice-2015 needs").hasMessageContaining("ddp needs")
                .hasMessageContaining("--mapping FILE");
    }

    @Test
    void withOneProfileTheMissingHeadersAreNamed() {
        ListRows rows = new ListRows("s", new String[] {"Prepare Date", "State", "City"});
        assertThatThrownBy(() -> HeaderDetector.detect("f.xlsx", "s", rows, List.of(Profiles.ICE_2015)))
                .hasMessageContaining("missing: [detainer_type, facility, lift_reason]");
    }
}
