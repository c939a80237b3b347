package org.detainerlab.ingest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each generated layout loads completely, and what lands in the database matches what the generator tallied as
 * it wrote: rows, declined per state, rows per month, likely duplicates. Each facility keeps one city, as in the
 * published files, and the same seed writes the same file.
 */
class SyntheticReleasesTest {

    private static MigratedDatabase database;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void loadsWithTheCountsTheGeneratorWrote(Layout layout) throws Exception {
        Path file = dir.resolve("synthetic-" + layout.label());
        SyntheticReleases.Tally tally = SyntheticReleases.write(layout, 4_000, 11, file);
        IngestResult result = new ReleaseLoader(database::connect, ReadLimits.DEFAULT, Clock.systemUTC())
                .ingest(file, new IngestRequest(SourceMetadata.titled(layout.label()), null, Thresholds.DEFAULT, "test"),
                        ProgressListener.NONE);
        String release = " from detainer d where release_id = " + result.releaseId();

        assertThat(result.rowsLoaded()).isEqualTo(tally.rows()).isEqualTo(4_000);
        assertThat(result.likelyDuplicates()).isEqualTo(tally.duplicates());
        assertThat(query("select coalesce(d.state_raw, ''), count(*)" + release + " and outcome = 'DECLINED' group by 1"))
                .isEqualTo(tally.declinedByState());
        assertThat(query("select to_char(prepare_date, 'YYYY-MM'), count(*)" + release + " group by 1"))
                .isEqualTo(tally.byMonth());
        assertThat(query("select coalesce(d.lift_reason_raw, ''), count(*)" + release + " group by 1"))
                .isEqualTo(tally.byLiftReason());
        assertThat(database.count("select count(*)" + release + " and d.state_raw is not null and d.state_id is null"))
                .as("every generated state name resolves").isZero();
        assertThat(database.count("select count(*) from (select facility_raw" + release
                + " group by facility_raw having count(distinct city_raw) > 1) moved"))
                .as("facilities seen in more than one city").isZero();
        assertThat(database.count("select count(distinct city_raw)" + release)).as("cities used").isGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ICE_MODERN_CSV", "ICE_2015_XLSX"})
    void theSameSeedWritesTheSameFileAndAnotherSeedPlacesFacilitiesElsewhere(Layout layout) throws Exception {
        Path first = dir.resolve("first-" + layout.label());
        Path again = dir.resolve("again-" + layout.label());
        Path other = dir.resolve("other-" + layout.label());
        SyntheticReleases.write(layout, 2_000, 5, first);
        SyntheticReleases.write(layout, 2_000, 5, again);
        SyntheticReleases.write(layout, 2_000, 6, other);

        // compared as read, not byte for byte: a workbook's zip entries carry the time they were written
        assertThat(rows(again)).isEqualTo(rows(first));
        Map<String, String> cities = citiesByFacility(first);
        Map<String, String> otherCities = citiesByFacility(other);
        assertThat(cities).hasSizeGreaterThan(100);
        long inBoth = cities.keySet().stream().filter(otherCities::containsKey).count();
        long moved = cities.keySet().stream()
                .filter(f -> otherCities.containsKey(f) && !otherCities.get(f).equals(cities.get(f))).count();
        assertThat(inBoth).as("facilities in both files").isGreaterThan(100);
        assertThat(moved).as("facilities the other seed puts in another city").isPositive();
    }

    private static List<String> rows(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (SpreadsheetSource source = Spreadsheets.open(file)) {
            for (String sheet : source.sheets()) {
                try (var it = source.rows(sheet)) {
                    for (var row = it.next(); row != null; row = it.next()) {
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** Each facility's city as the file writes it; fails if a facility appears in two cities. */
    private static Map<String, String> citiesByFacility(Path file) throws Exception {
        Map<String, String> cities = new HashMap<>();
        try (SpreadsheetSource source = Spreadsheets.open(file)) {
            for (String sheet : source.sheets()) {
                try (var rows = source.rows(sheet)) {
                    int facility = -1;
                    int city = -1;
                    for (var row = rows.next(); row != null; row = rows.next()) {
                        if (facility < 0) {
                            List<String> header = List.of(row.cells());
                            facility = header.contains("Detainer Facility") ? header.indexOf("Detainer Facility")
                                    : header.indexOf("Detainer Detention Facility");
                            city = header.contains("Facility City") ? header.indexOf("Facility City")
                                    : header.indexOf("City");
                            continue;
                        }
                        String name = row.cell(facility);
                        String where = row.cell(city);
                        if (!where.isEmpty()) {
                            String before = cities.putIfAbsent(name, where);
                            assertThat(before).as(name).isIn(null, where);
                        }
                    }
                }
            }
        }
        return cities;
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"ICE_MODERN_XLSX", "ICE_2015_XLSX"})
    void xlsxLayoutsLookLikeThePublishedOnes(Layout layout) throws Exception {
        Path file = dir.resolve("look-" + layout.label());
        SyntheticReleases.write(layout, 30, 2, file);
        try (SpreadsheetSource source = Spreadsheets.open(file)) {
            if (layout == Layout.ICE_MODERN_XLSX) {
                assertThat(source.sheets()).containsExactly("FY2024", "FY2025", "FY2026");
                var rows = source.rows("FY2024");
                assertThat(rows.next().cell(0)).contains("SYNTHETIC DATA");
                for (var row = rows.next(); row != null; row = rows.next()) {
                    if (row.cell(0).equals("Detainer Prepare Date")) {
                        assertThat(row.rowNumber()).as("header below six title rows").isEqualTo(7);
                        assertThat(row.cells()).hasSize(SyntheticReleases.modernHeader(false).size());
                        break;
                    }
                }
            } else {
                assertThat(source.sheets()).hasSize(1);
                assertThat(source.rows(source.sheets().get(0)).next().cells()).containsExactly("Prepare Date",
                        "Detainer Type", "Detainer Detention Facility", "State", "City", "Detainer Lift Reason");
            }
        }
        assertThat(Files.size(file)).isPositive();
    }

    private static Map<String, Long> query(String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
