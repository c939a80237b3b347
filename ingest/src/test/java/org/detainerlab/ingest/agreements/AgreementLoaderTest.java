package org.detainerlab.ingest.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.xlsx.XlsxWriter;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading 287(g) agreement lists into a real PostgreSQL: each layout, each validation rule with where it was
 * found, idempotence, and that failures and wrong headers leave nothing behind.
 */
class AgreementLoaderTest {

    private static final Object[] CURRENT_HEADER = {"STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY",
        "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM"};
    private static final String JANUARY_HEADER = "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED,MOA";
    private static final String ICE_MOA = "https://www.ice.gov/doclib/287gMOA/";
    private static final String SAFE_LINK = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2F"
            + "www.ice.gov%2Fdoclib%2F287gMOA%2FLeonCoSheriffsOfficeFL_WSO_MOA_06252025.pdf&data=05%7C02%7C"
            + "ERO287g%40ice.dhs.gov&reserved=0";
    private static final String UNWRAPPED = ICE_MOA + "LeonCoSheriffsOfficeFL_WSO_MOA_06252025.pdf";

    private static MigratedDatabase database;
    private static AgreementLoader loader;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        loader = new AgreementLoader(database::connect, ReadLimits.DEFAULT,
                Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theCurrentParticipatingListLoadsWithItsLinkedDocuments() throws Exception {
        Path file = xlsx("current.xlsx", "287(g) Agreements",
                new Object[] {"287(g) Participating Agencies, as of 12/31/2025"},
                new Object[] {},
                CURRENT_HEADER,
                new Object[] {"ALABAMA", "Autauga County Sheriff's Office ", "County ", "Autauga County",
                    "Jail Enforcement Model ", LocalDate.of(2025, 9, 22), "link"},
                new Object[] {"FLORIDA", "Leon County Sheriff's Office", "County", "Leon County",
                    "Warrant Service Officer", LocalDate.of(2019, 10, 15), "link", "link"},
                new Object[] {"TX", "Houston Police Department", "Municipality", "Harris County", "Task Force Model",
                    LocalDate.of(2025, 3, 1), "link pending"});
        HyperlinkedWorkbook.addLinks(file, links("G4", ICE_MOA + "AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf",
                "G5", ICE_MOA + "287gWSO_LeonCoFL2019-10-15.pdf", "H5", SAFE_LINK));

        IngestResult result = ingest(file, "current");

        assertThat(result.alreadyLoaded()).isFalse();
        assertThat(result.profile()).isEqualTo("287g-participating");
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.rowsLoaded()).isEqualTo(3);
        assertThat(result.rowsRejected()).isZero();
        assertThat(result.coverageFrom()).hasToString("2019-10-15");
        assertThat(result.coverageTo()).hasToString("2025-09-22");
        long id = result.releaseId();
        assertThat(database.text("select kind || ' ' || status || ' ' || profile || ' ' || rows_loaded"
                + " from data_release where id = " + id)).isEqualTo("AGREEMENTS_287G LOADED 287g-participating 3");
        assertThat(database.text("select string_agg(concat_ws(' / ', source_sheet, source_row, list_status, s.code,"
                + " agency, agency_type, county_raw, model, signed_on), ' # ' order by source_row)"
                + " from agreement_287g a join jurisdiction s on s.id = a.state_id where release_id = " + id))
                .isEqualTo("287(g) Agreements / 4 / PARTICIPATING / AL / Autauga County Sheriff's Office / County"
                        + " / Autauga County / JAIL_ENFORCEMENT / 2025-09-22"
                        + " # 287(g) Agreements / 5 / PARTICIPATING / FL / Leon County Sheriff's Office / County"
                        + " / Leon County / WARRANT_SERVICE_OFFICER / 2019-10-15"
                        + " # 287(g) Agreements / 6 / PARTICIPATING / TX / Houston Police Department / Municipality"
                        + " / Harris County / TASK_FORCE / 2025-03-01");
        assertThat(row(id, 4, "agency_raw || '|' || model_raw || '|' || signed_raw || '|' || moa_url"))
                .isEqualTo("Autauga County Sheriff's Office |Jail Enforcement Model |2025-09-22|"
                        + ICE_MOA + "AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf");
        assertThat(row(id, 5, "addendum_raw || '|' || addendum_url")).isEqualTo("link|" + UNWRAPPED);
        assertThat(row(id, 6, "coalesce(moa_url, 'none')")).isEqualTo("none");

        JsonNode report = report(id);
        assertThat(report.get("layout").asText()).isEqualTo("287g-participating");
        assertThat(report.get("rowsLoaded").asLong()).isEqualTo(3);
        assertRule(id, "whitespace.trimmed", 3, "287(g) Agreements", 4, "LAW ENFORCEMENT AGENCY (column B)",
                "Autauga County Sheriff's Office ");
        assertRule(id, "moa.missing", 1, "287(g) Agreements", 6, "MOA (column G)", "link pending");
        assertRule(id, "link.unwrapped", 1, "287(g) Agreements", 5, "ADDENDUM (column H)", SAFE_LINK);
        assertThat(rule(id, "model.corrected")).as("a trailing space is trimmed, not a correction").isNull();
    }

    @Test
    void theJanuary2025ListReadsTextDatesAndAddressesInTheCells() throws Exception {
        String archived = "https://web.archive.org/web/20250104041613/" + ICE_MOA + "287gWSO_KodiakAk2020-07-20.pdf";
        Path file = csv("january.csv", JANUARY_HEADER + ",NOTES",
                "ALASKA,Kodiak Police Department,Warrant Service Officer,2020-07-20," + archived + ",renewed",
                "ARIZONA,Arizona Department of Corrections,Jail Enforcement Model,6/16/2020," + ICE_MOA + "az.pdf");

        IngestResult result = ingest(file, "january");

        assertThat(result.profile()).isEqualTo("287g-participating-2025-01");
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(database.text("select string_agg(concat_ws(' / ', source_sheet, source_row, list_status, model,"
                + " signed_on, moa_url, coalesce(agency_type, 'no type'), coalesce(county_raw, 'no county')), ' # '"
                + " order by source_row) from agreement_287g where release_id = " + result.releaseId()))
                .isEqualTo("csv / 2 / PARTICIPATING / WARRANT_SERVICE_OFFICER / 2020-07-20 / " + archived
                        + " / no type / no county # csv / 3 / PARTICIPATING / JAIL_ENFORCEMENT / 2020-06-16 / "
                        + ICE_MOA + "az.pdf / no type / no county");
        JsonNode report = report(result.releaseId());
        assertThat(report.get("rules")).isEmpty();
        assertThat(report.get("ignoredColumns").toString()).as("a column no layout has is named, not loaded")
                .isEqualTo("[\"NOTES\"]");
    }

    @Test
    void sheetsOfOneLayoutAreStackedAndSheetsOfTwoAreRefused() throws Exception {
        Path stacked = dir.resolve("stacked.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(stacked)) {
            xlsx.startSheet("Alabama");
            xlsx.writeRow(CURRENT_HEADER);
            xlsx.writeRow("ALABAMA", "Baldwin County Sheriff's Office", "County", "Baldwin County", "Task Force Model",
                    LocalDate.of(2025, 10, 17), ICE_MOA + "baldwin.pdf");
            xlsx.startSheet("Texas");
            xlsx.writeRow(CURRENT_HEADER);
            xlsx.writeRow("TEXAS", "Tarrant County Sheriff's Office", "County", "Tarrant County",
                    "Jail Enforcement Model", LocalDate.of(2019, 9, 9), ICE_MOA + "tarrant.pdf");
        }
        IngestResult result = ingest(stacked, "stacked");
        assertThat(database.text("select string_agg(source_sheet || '!' || source_row || ' ' || model, ', '"
                + " order by source_sheet) from agreement_287g where release_id = " + result.releaseId()))
                .isEqualTo("Alabama!2 TASK_FORCE, Texas!2 JAIL_ENFORCEMENT");

        Path mixed = dir.resolve("mixed.xlsx");
        try (XlsxWriter xlsx = XlsxWriter.create(mixed)) {
            xlsx.startSheet("Participating");
            xlsx.writeRow(CURRENT_HEADER);
            xlsx.writeRow("TEXAS", "Tarrant County Sheriff's Office", "County", "Tarrant County",
                    "Jail Enforcement Model", LocalDate.of(2019, 9, 9), ICE_MOA + "tarrant.pdf");
            xlsx.startSheet("Pending");
            xlsx.writeRow("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE");
            xlsx.writeRow("TEXAS", "Tenaha Police Department", "Municipality", "Shelby County", "Task Force Model");
        }
        assertThatThrownBy(() -> ingest(mixed, "mixed"))
                .isInstanceOf(IngestException.class)
                .hasMessage("mixed.xlsx, sheet 'Pending': its header is the 287g-pending layout, but sheet"
                        + " 'Participating' is 287g-participating; one release has one layout (load them as two files)");
        assertThat(releases("mixed")).isZero();
    }

    @Test
    void thePendingListHasNoDatesOrDocumentsAndItsHeadersMatchInAnyCaseAndSpacing() throws Exception {
        Path file = xlsx("pending.xlsx", "Sheet 1",
                new Object[] {"State", "Law Enforcement  Agency", "type", "County ", "Support Type"},
                new Object[] {"ALABAMA", "Loxley Police Department", "Municipality", "Baldwin Couny",
                    "Task Force Model"},
                new Object[] {"ARKANSAS", "Calhoun County Sheriff's Office", "County", "Calhoun County",
                    "Warrant Services Officer"});

        IngestResult result = ingest(file, "pending");

        assertThat(result.profile()).isEqualTo("287g-pending");
        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(result.coverageFrom()).isNull();
        long id = result.releaseId();
        assertThat(database.text("select string_agg(concat_ws(' / ', source_row, list_status, model,"
                + " coalesce(signed_on::text, 'unsigned'), coalesce(moa_url, 'no moa'), county_raw), ' # '"
                + " order by source_row) from agreement_287g where release_id = " + id))
                .isEqualTo("2 / PENDING / TASK_FORCE / unsigned / no moa / Baldwin Couny"
                        + " # 3 / PENDING / WARRANT_SERVICE_OFFICER / unsigned / no moa / Calhoun County");
        assertRule(id, "name.misspelt", 1, "Sheet 1", 2, "County (column D)", "Baldwin Couny");
        assertRule(id, "model.corrected", 1, "Sheet 1", 3, "Support Type (column E)", "Warrant Services Officer");
        assertThat(rule(id, "signed.missing")).isNull();
        assertThat(rule(id, "moa.missing")).isNull();
    }

    @Test
    void everyProblemIsLoadedAsPublishedAndReportedWithWhereItIs() throws Exception {
        String sheet = "Agreements";
        Path file = xlsx("problems.xlsx", sheet,
                new Object[] {"Participating agencies"},
                CURRENT_HEADER,
                new Object[] {"GEORGIA", "Grady County Sheriff's Office", "County", "Grady County",
                    "Jail Enforcment Model", LocalDate.of(5025, 9, 22), "link"},
                new Object[] {"GEORGIA", "Grady County Sheriff's Office", "County", "Grady County", "Task Force",
                    LocalDate.of(1995, 6, 1), ICE_MOA + "grady.pdf"},
                new Object[] {"TEXAS", "Tenaha Police Department", "Municipality", "Shelby County",
                    "Warrant Service Officer Program", "2025-02-30", ICE_MOA + "tenaha.pdf"},
                new Object[] {"TEXAS", "Big Sandy Police Departement", "Municipality", "Upshur County",
                    "Detention Model", LocalDate.of(2026, 3, 1), ICE_MOA + "bigsandy.pdf"},
                new Object[] {"ARKANSAS", "Pope County Sheriff's Office", "County", "Pop County", null, null,
                    "link pending"},
                new Object[] {"NEW ENGLAND", "Florida Department of Corrections", "State Agency", "#N/A",
                    "Task Force Model", LocalDate.of(2025, 1, 1), ICE_MOA + "fdc.pdf"},
                new Object[] {" ALABAMA", "Loxley Police Department", "Municipality", "Baldwin Couny",
                    "Task Force Model", "soon", SAFE_LINK});
        HyperlinkedWorkbook.addLinks(file, links("G3", ICE_MOA + "grady-jem.pdf"));

        IngestResult result = ingest(file, "problems");

        assertThat(result.rowsLoaded()).as("nothing here stops a row from loading").isEqualTo(7);
        long id = result.releaseId();
        assertRule(id, "model.corrected", 3, sheet, 3, "SUPPORT TYPE (column E)", "Jail Enforcment Model");
        assertThat(examples(id, "model.corrected")).containsExactly("3: Jail Enforcment Model", "4: Task Force",
                "5: Warrant Service Officer Program");
        assertThat(column(id, "model || ' <- ' || model_raw", 3, 4, 5)).containsExactly(
                "JAIL_ENFORCEMENT <- Jail Enforcment Model", "TASK_FORCE <- Task Force",
                "WARRANT_SERVICE_OFFICER <- Warrant Service Officer Program");
        assertRule(id, "model.unrecognised", 1, sheet, 6, "SUPPORT TYPE (column E)", "Detention Model");
        assertRule(id, "model.missing", 1, sheet, 7, "SUPPORT TYPE (column E)", "");
        assertThat(column(id, "coalesce(model, 'none') || ' <- ' || coalesce(model_raw, 'blank')", 6, 7))
                .containsExactly("none <- Detention Model", "none <- blank");

        assertRule(id, "signed.out_of_range", 3, sheet, 3, "SIGNED (column F)", "5025-09-22");
        assertThat(examples(id, "signed.out_of_range")).containsExactly("3: 5025-09-22", "4: 1995-06-01",
                "6: 2026-03-01");
        assertRule(id, "signed.unparseable", 2, sheet, 5, "SIGNED (column F)", "2025-02-30");
        assertThat(examples(id, "signed.unparseable")).containsExactly("5: 2025-02-30", "9: soon");
        assertRule(id, "signed.missing", 1, sheet, 7, "SIGNED (column F)", "");
        assertThat(column(id, "coalesce(signed_on::text, 'none') || ' <- ' || coalesce(signed_raw, 'blank')",
                3, 4, 5, 6, 7, 8)).containsExactly("none <- 5025-09-22", "none <- 1995-06-01", "none <- 2025-02-30",
                "none <- 2026-03-01", "none <- blank", "2025-01-01 <- 2025-01-01");
        assertThat(result.coverageFrom()).as("only plausible dates count").hasToString("2025-01-01");

        assertRule(id, "name.misspelt", 2, sheet, 6, "LAW ENFORCEMENT AGENCY (column B)",
                "Big Sandy Police Departement");
        assertThat(examples(id, "name.misspelt")).containsExactly("6: Big Sandy Police Departement",
                "9: Baldwin Couny");
        assertRule(id, "county.differs_from_agency", 1, sheet, 7,
                "LAW ENFORCEMENT AGENCY (column B) | COUNTY (column D)", "Pope County Sheriff's Office | Pop County");
        assertThat(column(id, "agency || ' / ' || county_raw", 6, 7)).as("names load as published")
                .containsExactly("Big Sandy Police Departement / Upshur County",
                        "Pope County Sheriff's Office / Pop County");
        assertRule(id, "county.placeholder", 1, sheet, 8, "COUNTY (column D)", "#N/A");

        assertRule(id, "state.unresolved", 1, sheet, 8, "STATE (column A)", "NEW ENGLAND");
        assertThat(column(id, "state_raw || ' -> ' || coalesce(state_id::text, 'unresolved')", 8))
                .containsExactly("NEW ENGLAND -> unresolved");
        assertRule(id, "whitespace.trimmed", 1, sheet, 9, "STATE (column A)", " ALABAMA");
        assertThat(database.text("select s.code from agreement_287g a join jurisdiction s on s.id = a.state_id"
                + " where release_id = " + id + " and source_row = 9")).isEqualTo("AL");

        assertRule(id, "moa.missing", 1, sheet, 7, "MOA (column G)", "link pending");
        assertRule(id, "link.unwrapped", 1, sheet, 9, "MOA (column G)", SAFE_LINK);
        assertThat(column(id, "moa_url", 3, 9)).containsExactly(ICE_MOA + "grady-jem.pdf", UNWRAPPED);

        assertThat(rule(id, "agency.missing")).isNull();
        assertThat(rule(id, "model.corrected").get("severity").asText()).isEqualTo("WARNING");
    }

    @Test
    void aRowWithoutAnAgencyIsRejectedAndCountsAgainstTheStopThreshold() throws Exception {
        Path file = csv("no-agency.csv", JANUARY_HEADER,
                "FLORIDA,Alachua County Sheriff's Office,Task Force Model,2025-02-26," + ICE_MOA + "a.pdf",
                "FLORIDA,  ,Task Force Model,2025-02-26," + ICE_MOA + "b.pdf",
                "FLORIDA,Baker County Sheriff's Office,Task Force Model,2025-02-26," + ICE_MOA + "c.pdf");

        assertThatThrownBy(() -> ingest(file, "no agency"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("no-agency.csv: 1 of 3 rows (33.33%) were rejected, above the stop threshold of"
                        + " 1.00%; nothing was loaded")
                .hasMessageContaining("agency.missing")
                .hasMessageContaining("sheet 'csv', row 3, column LAW ENFORCEMENT AGENCY (column B): 'FLORIDA | Task"
                        + " Force Model | 2025-02-26 | " + ICE_MOA + "b.pdf'");
        assertThat(releases("no agency")).isZero();

        IngestResult tolerated = loader.ingest(file, new IngestRequest(SourceMetadata.titled("no agency tolerated"),
                null, new Thresholds(0.0, 0.5), "test"), ProgressListener.NONE);
        assertThat(tolerated.rowsRead()).isEqualTo(3);
        assertThat(tolerated.rowsLoaded()).isEqualTo(2);
        assertThat(tolerated.rowsRejected()).isEqualTo(1);
        assertThat(column(tolerated.releaseId(), "agency", 2, 4))
                .containsExactly("Alachua County Sheriff's Office", "Baker County Sheriff's Office");
        assertThat(database.count("select rows_rejected from data_release where id = " + tolerated.releaseId()))
                .isEqualTo(1);
    }

    @Test
    void theSameFileTwiceChangesNothingAndReportsTheExistingRelease() throws Exception {
        Path file = csv("twice.csv", JANUARY_HEADER,
                "IDAHO,Owyhee County Sheriff's Office,Jail Enforcement Model,2020-03-13," + ICE_MOA + "o.pdf");
        IngestResult first = ingest(file, "twice");
        long agreements = database.count("select count(*) from agreement_287g");

        IngestResult second = ingest(file, "twice again");

        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.releaseId()).isEqualTo(first.releaseId());
        assertThat(second.profile()).isEqualTo("287g-participating-2025-01");
        assertThat(second.rowsLoaded()).isEqualTo(1);
        assertThat(second.coverageFrom()).hasToString("2020-03-13");
        assertThat(database.count("select count(*) from agreement_287g")).isEqualTo(agreements);
        assertThat(releases("twice again")).isZero();
    }

    @Test
    void aFailureHalfWayThroughLeavesNothing() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3 * AgreementWriter.BATCH_SIZE; i++) {
            rows.add("TEXAS,Agency " + i + " Police Department,Task Force Model,2025-05-01," + ICE_MOA + i + ".pdf");
        }
        rows.add("TEXAS,\"Broken Police Department,Task Force Model,2025-05-01,");
        Path file = csv("halfway.csv", JANUARY_HEADER, rows.toArray(String[]::new));
        long agreements = database.count("select count(*) from agreement_287g");

        assertThatThrownBy(() -> ingest(file, "halfway"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("halfway.csv");

        assertThat(releases("halfway")).isZero();
        assertThat(database.count("select count(*) from data_release where file_name = 'halfway.csv'")).isZero();
        assertThat(database.count("select count(*) from agreement_287g"))
                .as("the batches already sent are rolled back").isEqualTo(agreements);
    }

    @Test
    void aHeaderThatFitsNoLayoutIsRefusedWithTheColumnsFoundAndExpected() throws Exception {
        Path file = csv("no-signed.csv", "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,MOA",
                "TEXAS,Tenaha Police Department,Municipality,Shelby County,Task Force Model," + ICE_MOA + "t.pdf");

        assertThatThrownBy(() -> ingest(file, "no signed"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("no-signed.csv, sheet 'csv', row 1: the header has the headers STATE | LAW"
                        + " ENFORCEMENT AGENCY | TYPE | COUNTY | SUPPORT TYPE | MOA, which fits no layout")
                .hasMessageContaining("287g-participating has STATE | LAW ENFORCEMENT AGENCY | TYPE | COUNTY | SUPPORT"
                        + " TYPE | SIGNED | MOA and optionally ADDENDUM (missing: SIGNED)")
                .hasMessageContaining("287g-pending has STATE | LAW ENFORCEMENT AGENCY | TYPE | COUNTY | SUPPORT TYPE"
                        + " (not in this layout: MOA)");
        assertThat(releases("no signed")).isZero();
    }

    @Test
    void aFileWithoutAnAgreementHeaderIsRefusedWithTheHeadersItHas() throws Exception {
        Path file = csv("detainers.csv", "Detainer Prepare Date,Facility State,Detainer Facility,Detainer Lift Reason",
                "2024-01-02,CALIFORNIA,SANTA CLARA MAIN JAIL,Detainer Declined by LEA");

        assertThatThrownBy(() -> ingest(file, "detainers"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("detainers.csv, sheet 'csv': no header row of a 287(g) agreement list in the"
                        + " first 10 rows (one with STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE)")
                .hasMessageContaining("row 1, has the headers Detainer Prepare Date | Facility State | Detainer"
                        + " Facility | Detainer Lift Reason")
                .hasMessageContaining("Expected one of: 287g-participating has STATE");
        assertThat(releases("detainers")).isZero();
    }

    @Test
    void aColumnNamedTwiceIsRefused() throws Exception {
        Path file = csv("twice-state.csv", "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED,MOA,STATE",
                "TEXAS,Tenaha Police Department,Task Force Model,2025-05-01," + ICE_MOA + "t.pdf,TX");

        assertThatThrownBy(() -> ingest(file, "state twice"))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("twice-state.csv, sheet 'csv', row 1: column STATE appears twice, in columns A"
                        + " and F");
        assertThat(releases("state twice")).isZero();
    }

    @Test
    void aFileLoadedAsDetainersIsNotReportedAsAnAgreementList() throws Exception {
        Path file = csv("loaded-as-detainers.csv", "Detainer Prepare Date,Facility State,Detainer Facility,"
                + "Detainer Lift Reason,Detainer Type,Citizenship Country,Birth Year,Anonymized Identifier",
                "2024-03-01,CA,JAIL,Detainer Declined by LEA,I247A,MEXICO,1990,k-1");
        IngestResult detainers = new ReleaseLoader(database::connect, ReadLimits.DEFAULT, Clock.systemUTC())
                .ingest(file, request("as detainers"), ProgressListener.NONE);

        assertThatThrownBy(() -> ingest(file, "as agreements"))
                .isInstanceOf(IngestException.class)
                .hasMessage("loaded-as-detainers.csv: this file is already loaded as release " + detainers.releaseId()
                        + " of kind DETAINERS, not as a 287(g) agreement list");
        assertThat(database.text("select kind from data_release where id = " + detainers.releaseId()))
                .isEqualTo("DETAINERS");
    }

    @Test
    void agreementListsAreRecognisedByTheirHeader() {
        assertThat(AgreementLoader.looksLikeAgreementList(List.of("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY",
                "SUPPORT TYPE", "SIGNED", "MOA", "ADDENDUM", "", ""))).isTrue();
        assertThat(AgreementLoader.looksLikeAgreementList(List.of("State ", "Law enforcement agency",
                "SupportType"))).isTrue();
        assertThat(AgreementLoader.looksLikeAgreementList(List.of("Detainer Prepare Date", "Facility State",
                "Detainer Facility"))).isFalse();
        assertThat(AgreementLoader.looksLikeAgreementList(List.of("STATE", "LAW ENFORCEMENT AGENCY"))).isFalse();
    }

    private Path xlsx(String name, String sheet, Object[]... rows) throws Exception {
        Path file = dir.resolve(name);
        try (XlsxWriter xlsx = XlsxWriter.create(file)) {
            xlsx.startSheet(sheet);
            for (Object[] row : rows) {
                xlsx.writeRow(row);
            }
        }
        return file;
    }

    private Path csv(String name, String header, String... rows) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static Map<String, String> links(String... cellsAndAddresses) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < cellsAndAddresses.length; i += 2) {
            links.put(cellsAndAddresses[i], cellsAndAddresses[i + 1]);
        }
        return links;
    }

    private static IngestRequest request(String title) {
        return new IngestRequest(SourceMetadata.titled(title), null, Thresholds.DEFAULT, "test");
    }

    private static IngestResult ingest(Path file, String title) throws IngestException {
        return loader.ingest(file, request(title), ProgressListener.NONE);
    }

    private static long releases(String title) throws Exception {
        return database.count("select count(*) from data_release where title = '" + title + "'");
    }

    private static String row(long releaseId, int sourceRow, String expression) throws Exception {
        return database.text("select " + expression + " from agreement_287g where release_id = " + releaseId
                + " and source_row = " + sourceRow);
    }

    private static List<String> column(long releaseId, String expression, int... sourceRows) throws Exception {
        List<String> values = new ArrayList<>();
        for (int sourceRow : sourceRows) {
            values.add(row(releaseId, sourceRow, expression));
        }
        return values;
    }

    private static JsonNode report(long releaseId) throws Exception {
        return JSON.readTree(database.text("select report::text from data_release where id = " + releaseId));
    }

    private static JsonNode rule(long releaseId, String key) throws Exception {
        for (JsonNode rule : report(releaseId).get("rules")) {
            if (rule.get("rule").asText().equals(key)) {
                return rule;
            }
        }
        return null;
    }

    /** The rule's examples as {@code row: value}. */
    private static List<String> examples(long releaseId, String key) throws Exception {
        List<String> examples = new ArrayList<>();
        for (JsonNode example : rule(releaseId, key).get("examples")) {
            examples.add(example.get("row").asInt() + ": " + example.get("value").asText());
        }
        return examples;
    }

    private static void assertRule(long releaseId, String key, long count, String sheet, int row, String column,
                                   String value) throws Exception {
        JsonNode rule = rule(releaseId, key);
        assertThat(rule).as("rule %s is reported", key).isNotNull();
        assertThat(rule.get("count").asLong()).as("count of %s", key).isEqualTo(count);
        JsonNode example = rule.get("examples").get(0);
        assertThat(List.of(example.get("sheet").asText(), example.get("row").asInt(), example.get("column").asText(),
                example.get("value").asText())).as("first example of %s", key)
                .containsExactly(sheet, row, column, value);
    }
}
