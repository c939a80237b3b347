package org.detainerlab.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading releases into a real PostgreSQL: what lands, what is flagged, and that failures leave nothing. */
class ReleaseLoaderTest {

    private static final String HEADER = "Detainer Prepare Date,Facility State,Detainer Facility,Detainer Lift Reason,"
            + "Detainer Type,Citizenship Country,Birth Year,Anonymized Identifier";

    private static final String GROUPS = "release_id, month, state_id, facility_id, place_id, outcome, lift_reason_raw,"
            + " detainer_type, criminality, likely_duplicate";

    private static MigratedDatabase database;
    private static ReleaseLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        loader = new ReleaseLoader(database::connect, ReadLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private Path csv(String name, List<String> rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static IngestRequest request(String title) {
        return new IngestRequest(SourceMetadata.titled(title), null, Thresholds.DEFAULT, "test");
    }

    private static long releases(String title) throws Exception {
        return database.count("select count(*) from data_release where title = '" + title + "'");
    }

    @Test
    void loadsRowsWithProvenanceOutcomesRedactionsAndDuplicates() throws Exception {
        Path file = csv("modern.csv", List.of(
                "2024-01-02,CALIFORNIA,SANTA CLARA MAIN JAIL,Detainer Declined by LEA,I247A,MEXICO,1990,id-1",
                "2024-01-02,CALIFORNIA,SANTA CLARA MAIN JAIL,Detainer Declined by LEA,I247A,MEXICO,1990,id-1",
                "2024-01-03,TX,HARRIS COUNTY JAIL,,I247A,\"b(6), b(7)C\",1985,id-2",
                "2024-02-29,VIRGIN ISLANDS,ST. CROIX JAIL,Booked into Detention,I247A,GUATEMALA,,id-3"));
        List<String> phases = new ArrayList<>();
        IngestResult result = loader.ingest(file, request("modern"), (phase, rows) -> phases.add(phase));

        assertThat(result.alreadyLoaded()).isFalse();
        assertThat(result.profile()).isEqualTo("ice-modern");
        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.rowsLoaded()).isEqualTo(4);
        assertThat(result.likelyDuplicates()).isEqualTo(1);
        assertThat(result.coverageFrom()).hasToString("2024-01-02");
        assertThat(result.coverageTo()).hasToString("2024-02-29");
        assertThat(phases).contains("reading sheet csv", "indexing", "counting", "resolving places", "done");

        long id = result.releaseId();
        assertThat(database.text("select status || ' ' || sha256 || ' ' || file_name from data_release where id = " + id))
                .isEqualTo("LOADED " + result.sha256() + " modern.csv");
        assertThat(database.text("select string_agg(source_sheet || ':' || source_row || ':' || outcome || ':'"
                + " || likely_duplicate, ' ' order by source_row) from detainer where release_id = " + id))
                .isEqualTo("csv:2:DECLINED:false csv:3:DECLINED:true csv:4:UNKNOWN:false csv:5:ICE_CUSTODY:false");
        assertThat(database.text("select s.code from detainer d join jurisdiction s on s.id = d.state_id"
                + " where release_id = " + id + " and source_row = 5")).isEqualTo("VI");
        assertThat(database.text("select citizenship_country is null and redacted = '{citizenship_country}'"
                + " from detainer where release_id = " + id + " and source_row = 4")).isEqualTo("t");
        assertThat(database.text("select report -> 'rules' -> 0 ->> 'rule' from data_release where id = " + id))
                .isNotBlank();
        assertThat(database.text("select report ->> 'unresolvedFacilityNames' from data_release where id = " + id))
                .isEqualTo("3");
    }

    /** A workbook saved by a spreadsheet program (here Apache POI, its formulas calculated) with formula cells. */
    @Test
    void formulaCellsLoadTheirStoredResultsAndTheReportCountsThem() throws Exception {
        Path file = dir.resolve("formulas.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Detainers");
            String[] header = HEADER.split(",");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= 2; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("2024-01-0" + r);
                row.createCell(1).setCellValue("TEXAS");
                row.createCell(2).setCellFormula("\"HARRIS\"&\" COUNTY JAIL\"");
                row.createCell(3).setCellValue("Detainer Declined by LEA");
                row.createCell(4).setCellValue("I247A");
                row.createCell(5).setCellValue("MEXICO");
                row.createCell(6).setCellFormula("1980+" + r);
                row.createCell(7).setCellValue("f-" + r);
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }

        IngestResult result = loader.ingest(file, request("formulas"), ProgressListener.NONE);

        long id = result.releaseId();
        assertThat(database.text("select string_agg(facility_raw || ' ' || birth_year, ', ' order by source_row)"
                + " from detainer where release_id = " + id)).isEqualTo("HARRIS COUNTY JAIL 1981, HARRIS COUNTY JAIL 1982");
        assertThat(database.text("select r ->> 'severity' || ' ' || (r ->> 'count') || ' ' || (r -> 'examples' -> 0"
                + " ->> 'column') || ' ' || (r -> 'examples' -> 0 ->> 'value') from data_release,"
                + " jsonb_array_elements(report -> 'rules') r where id = " + id + " and r ->> 'rule' = 'cell.formula'"))
                .isEqualTo("INFO 4 C =\"HARRIS\"&\" COUNTY JAIL\"");
        assertThat(result.report().rules()).anySatisfy(rule -> {
            assertThat(rule.rule()).isEqualTo("cell.formula");
            assertThat(rule.count()).isEqualTo(4);
        });
    }

    @Test
    void theSameFileTwiceChangesNothingAndReportsTheExistingRelease() throws Exception {
        Path file = csv("twice.csv", List.of("2024-03-01,CA,JAIL,Detainer Declined by LEA,I247A,MEXICO,1990,t-1"));
        IngestResult first = loader.ingest(file, request("twice"), ProgressListener.NONE);
        long rows = database.count("select count(*) from detainer");
        IngestResult second = loader.ingest(file, request("twice again"), ProgressListener.NONE);
        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.releaseId()).isEqualTo(first.releaseId());
        assertThat(second.rowsLoaded()).isEqualTo(1);
        assertThat(database.count("select count(*) from detainer")).isEqualTo(rows);
        assertThat(releases("twice again")).isZero();
    }

    @Test
    void aLargeFileLoadedBeforeIsRecognisedAndNothingChanges() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            rows.add("2024-05-01,CA,JAIL,,I247A,MEXICO,1990,big-" + i);
        }
        Path file = csv("big-twice.csv", rows);
        IngestResult first = loader.ingest(file, request("big twice"), ProgressListener.NONE);
        long partitions = database.count("select count(*) from pg_tables where tablename ~ '^detainer_r[0-9]+$'");
        IngestResult second = loader.ingest(file, request("big twice again"), ProgressListener.NONE);
        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.releaseId()).isEqualTo(first.releaseId());
        assertThat(releases("big twice again")).isZero();
        assertThat(database.count("select count(*) from pg_tables where tablename ~ '^detainer_r[0-9]+$'"))
                .isEqualTo(partitions);
    }

    @Test
    void rejectedRowsAboveTheStopThresholdLoadNothingAndSayWhere() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add((i % 10 == 0 ? "31.01.2024" : "2024-01-31") + ",CA,JAIL,,I247A,MEXICO,1990,u-" + i);
        }
        Path file = csv("dates.csv", rows);
        assertThatThrownBy(() -> loader.ingest(file, request("dates"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("5 of 50 rows (10.00%) were rejected, above the stop threshold of 1.00%")
                .hasMessageContaining("prepare_date.unparseable")
                .hasMessageContaining("sheet 'csv', row 2, column Detainer Prepare Date (column A): '31.01.2024'");
        assertThat(releases("dates")).isZero();

        IngestResult tolerant = loader.ingest(file, new IngestRequest(SourceMetadata.titled("dates tolerated"), null,
                new Thresholds(0.0, 0.2), "test"), ProgressListener.NONE);
        assertThat(tolerant.rowsLoaded()).isEqualTo(45);
        assertThat(tolerant.rowsRejected()).isEqualTo(5);
    }

    @Test
    void aFailureHalfWayThroughLeavesNoRelease() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            rows.add("2024-01-31,CA,JAIL,,I247A,MEXICO,1990,h-" + i);
        }
        rows.add("2024-01-31,CA,\"JAIL,,I247A,MEXICO,1990,broken");
        Path file = csv("halfway.csv", rows);
        long before = database.count("select count(*) from detainer");
        assertThatThrownBy(() -> loader.ingest(file, request("halfway"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("halfway.csv");
        assertThat(releases("halfway")).isZero();
        assertThat(database.count("select count(*) from detainer")).isEqualTo(before);
    }

    @Test
    void wrongHeadersLoadNothingAndExplain() throws Exception {
        Path file = Files.writeString(dir.resolve("wrong.csv"), "Date,Jail,Result\n2024-01-01,X,Y\n");
        assertThatThrownBy(() -> loader.ingest(file, request("wrong"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("[Date, Jail, Result]")
                .hasMessageContaining("--mapping FILE");
        assertThat(releases("wrong")).isZero();
    }

    @Test
    void aMappingFileLoadsAnyOtherLayout() throws Exception {
        Path mapping = Files.writeString(dir.resolve("county.json"), """
                {"name": "county-export",
                 "columns": {"Date Prepared": "prepare_date", "ST": "state", "Jail": "facility", "Result": "lift_reason"},
                 "dateFormats": ["dd.MM.yyyy"], "missing": ["-"]}""");
        Path file = Files.writeString(dir.resolve("county.csv"), "Exported by the county\n\nDate Prepared,ST,Jail,Result\n"
                + "31.01.2024,OR,COUNTY JAIL,Detainer Declined by LEA\n01.02.2024,OR,COUNTY JAIL,-\n");
        IngestResult result = loader.ingest(file, new IngestRequest(SourceMetadata.titled("county"),
                org.detainerlab.ingest.map.MappingFile.read(mapping), Thresholds.DEFAULT, "test"), ProgressListener.NONE);
        assertThat(result.profile()).isEqualTo("county-export");
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(database.text("select string_agg(prepare_date || ' ' || outcome, ', ' order by source_row)"
                + " from detainer where release_id = " + result.releaseId()))
                .isEqualTo("2024-01-31 DECLINED, 2024-02-01 UNKNOWN");
    }

    @Test
    void aChosenProfileIsTheOnlyOneTried() throws Exception {
        Path file = csv("chosen.csv", List.of("2024-03-01,CA,JAIL,,I247A,MEXICO,1990,c-1"));
        assertThatThrownBy(() -> loader.ingest(file, new IngestRequest(SourceMetadata.titled("chosen"), Profiles.ICE_2015,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE))
                .hasMessageContaining("ice-2015 needs").hasMessageNotContaining("ice-modern needs");
    }

    /** The rollups the loader counts while reading equal GROUP BYs over the rows it loaded. */
    @Test
    void theRollupOfALoadedReleaseEqualsAGroupByOverItsRows() throws Exception {
        Path file = dir.resolve("modern.csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 20_000, 11, file);
        long id = loader.ingest(file, new IngestRequest(SourceMetadata.titled("rollup"),
                null, Thresholds.DEFAULT, "test"), (phase, rows) -> { }).releaseId();

        String fromRows = "select " + GROUPS.replace("month", "date_trunc('month', prepare_date)::date")
                + ", count(*) from detainer where release_id = " + id + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10";
        String fromRollup = "select " + GROUPS + ", detainers from detainer_rollup where release_id = " + id;
        assertThat(database.count("select count(*) from detainer_rollup where release_id = " + id)).isGreaterThan(100);
        assertThat(database.count("select count(*) from ((" + fromRows + ") except all (" + fromRollup + ")) x"))
                .isZero();
        assertThat(database.count("select count(*) from ((" + fromRollup + ") except all (" + fromRows + ")) x"))
                .isZero();
        assertThat(database.count("select sum(detainers) from detainer_rollup where release_id = " + id))
                .isEqualTo(20_000);

        String byStateFromRows = "select release_id, date_trunc('month', prepare_date)::date, state_id, outcome, count(*)"
                + " from detainer where release_id = " + id + " group by 1, 2, 3, 4";
        String byState = "select release_id, month, state_id, outcome, detainers from detainer_rollup_state"
                + " where release_id = " + id;
        assertThat(database.count("select count(*) from ((" + byStateFromRows + ") except all (" + byState + ")) x"))
                .isZero();
        assertThat(database.count("select count(*) from ((" + byState + ") except all (" + byStateFromRows + ")) x"))
                .isZero();
    }

    /**
     * The groups of a release are a partition of their own, attached in the load, so that a question on the
     * release reads only its groups; a load that fails at its commit leaves no partition behind.
     */
    @Test
    void theRollupOfAReleaseIsItsOwnPartitionAndAQuestionOnTheReleaseReadsOnlyIt() throws Exception {
        Path file = dir.resolve("partition.csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 12, file);
        long id = loader.ingest(file, request("rollup partition"), ProgressListener.NONE).releaseId();

        assertThat(database.text("select string_agg(c.relname, ',') from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'detainer_rollup'::regclass and c.relname = 'detainer_rollup_r" + id + "'"))
                .isEqualTo("detainer_rollup_r" + id);
        assertThat(database.count("select count(*) from detainer_rollup_r" + id + " where release_id <> " + id)).isZero();
        assertThat(database.count("select sum(detainers) from detainer_rollup where release_id = " + id))
                .isEqualTo(3_000);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("explain select sum(detainers) from detainer_rollup"
                     + " where release_id = " + id)) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append(plan.getString(1)).append('\n');
            }
            assertThat(text.toString()).contains("detainer_rollup_r" + id)
                    .doesNotContainPattern("detainer_rollup_r(?!" + id + "\\b)\\d+");
        }

        // the commit is the last step: everything before it, the rollup's partition included, must roll back
        String partitions = "select count(*) from pg_class where relname like 'detainer\\_r%'";
        long before = database.count(partitions);
        Path again = dir.resolve("refused.csv");
        SyntheticReleases.write(Layout.ICE_MODERN_CSV, 3_000, 13, again);
        ReleaseLoader refusing = new ReleaseLoader(() -> refusingCommit(database.connect()), ReadLimits.DEFAULT,
                Clock.systemUTC());
        assertThatThrownBy(() -> refusing.ingest(again, request("refused"), ProgressListener.NONE))
                .isInstanceOf(IngestException.class).hasMessageContaining("the test refuses the commit");
        assertThat(releases("refused")).isZero();
        assertThat(database.count(partitions))
                .as("detainer and rollup partitions after a failed load").isEqualTo(before);
    }

    /** A connection that does everything but commit. */
    private static Connection refusingCommit(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        throw new SQLException("the test refuses the commit");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
