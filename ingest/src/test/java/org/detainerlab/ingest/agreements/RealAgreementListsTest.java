package org.detainerlab.ingest.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.Ingest;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.SourceMetadata;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ICE's real 287(g) lists in ../shared/data/287g load completely, with the counts and the problems found by
 * reading the raw files (sheet XML and shared strings), each recognised as a 287(g) list by the registry of release
 * kinds ({@link Ingest}) as the CLI and uploads see it. Skipped, saying so, when the folder is absent.
 */
class RealAgreementListsTest {

    private static MigratedDatabase database;
    private static Ingest loader;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
        loader = new Ingest(database::connect, ReadLimits.DEFAULT, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theParticipatingListOf20251231LoadsAll1274AgreementsAndReportsItsSlips() throws Exception {
        IngestResult result = ingest(RealData.file("287g/participatingAgencies12312025am.xlsx"));
        long id = result.releaseId();

        assertThat(result.profile()).isEqualTo("287g-participating");
        assertThat(result.rowsRead()).isEqualTo(1_274);
        assertThat(result.rowsLoaded()).isEqualTo(1_274);
        assertThat(count(id, "true")).isEqualTo(1_274);
        assertThat(perModel(id)).isEqualTo("JAIL_ENFORCEMENT 145, TASK_FORCE 684, WARRANT_SERVICE_OFFICER 445");
        assertThat(count(id, "list_status = 'PARTICIPATING'")).isEqualTo(1_274);
        assertThat(result.coverageFrom()).hasToString("2019-04-24");
        assertThat(result.coverageTo()).hasToString("2025-12-18");
        assertThat(count(id, "signed_on is null")).as("every SIGNED cell is a plausible Excel date").isZero();
        assertThat(rule(id, "signed.out_of_range")).isNull();
        assertThat(rule(id, "signed.unparseable")).isNull();

        assertThat(count(id, "state_id is null")).isZero();
        assertThat(database.text("select string_agg(code || ' ' || n, ', ' order by n desc, code) from (select s.code,"
                + " count(*) n from agreement_287g a join jurisdiction s on s.id = a.state_id where release_id = " + id
                + " group by s.code order by n desc limit 3) t")).isEqualTo("FL 339, TX 259, TN 56");
        assertThat(count(id, "state_raw = 'TEXAS '")).as("raw text keeps the trailing space").isEqualTo(5);

        // SUPPORT TYPE: "Jail Enforcement Model " 25 times (trimmed), "Warrant Service Office" once (corrected)
        assertThat(count(id, "model_raw = 'Jail Enforcement Model '")).isEqualTo(25);
        assertRule(id, "model.corrected", 1, List.of("87: SUPPORT TYPE (column E): Warrant Service Office"));
        assertThat(rule(id, "model.unrecognised")).isNull();
        assertThat(rule(id, "whitespace.trimmed").get("count").asLong())
                .as("cells in STATE 14, AGENCY 273, TYPE 190, COUNTY 392, SUPPORT TYPE 25").isEqualTo(894);
        assertThat(count(id, "agency <> agency_raw")).isEqualTo(273);
        assertThat(database.text("select string_agg(distinct agency_type, ', ') from agreement_287g where release_id = "
                + id)).isEqualTo("County, Municipality, State Agency");

        assertRule(id, "name.misspelt", 4, List.of(
                "58: LAW ENFORCEMENT AGENCY (column B): 16th Judicial Distric Drug Task Force",
                "227: COUNTY (column D): Lake Conty",
                "939: LAW ENFORCEMENT AGENCY (column B): Big Sandy Police Departement ",
                "1086: COUNTY (column D): Guadalupe Conty"));
        assertRule(id, "county.differs_from_agency", 4, List.of(
                "20: LAW ENFORCEMENT AGENCY (column B) | COUNTY (column D): Franklin County Sheriff's Office | Frankin"
                        + " County",
                "87: LAW ENFORCEMENT AGENCY (column B) | COUNTY (column D): Pope County Sheriff's Office | Pop County",
                "560: LAW ENFORCEMENT AGENCY (column B) | COUNTY (column D): Calcasieu Parish Sheriff's Office"
                        + " | Calacasieu Parish",
                "627: LAW ENFORCEMENT AGENCY (column B) | COUNTY (column D): Dogulas County Sheriff's Office "
                        + " | Douglas County "));
        assertThat(rule(id, "county.placeholder").get("count").asLong()).as("#N/A 221, #NA 19, N/A 1").isEqualTo(241);
        assertThat(count(id, "county_raw = '#N/A'")).isEqualTo(221);

        // MOA cells read "link" (1,268) or "link pending" (6); the address is the cell's hyperlink
        assertThat(count(id, "moa_url ~ '^https?://www[.]ice[.]gov/doclib/'")).isEqualTo(1_268);
        assertThat(count(id, "moa_url like 'http://%'")).as("kept as published, not upgraded").isEqualTo(10);
        assertThat(count(id, "moa_url like 'https://www.ice.gov/doclib/about/offices/ero/287g/%'")).isEqualTo(13);
        assertRule(id, "moa.missing", 6, List.of("537: MOA (column G): link pending",
                "643: MOA (column G): link pending", "723: MOA (column G): link pending",
                "870: MOA (column G): link pending", "980: MOA (column G): link pending",
                "1126: MOA (column G): link pending"));
        assertThat(count(id, "addendum_raw = 'link'")).isEqualTo(45);
        assertThat(count(id, "addendum_url like 'https://www.ice.gov/doclib/287gMOA/%'")).isEqualTo(45);
        assertThat(rule(id, "link.unwrapped").get("count").asLong())
                .as("211 Outlook safe links and 1 Chrome viewer link in MOA, 14 safe links in ADDENDUM")
                .isEqualTo(226);
        assertThat(database.text("select moa_url from agreement_287g where release_id = " + id
                + " and source_row = 2")).isEqualTo(
                "https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf");
        assertThat(database.text("select moa_url from agreement_287g where release_id = " + id
                + " and source_row = 411")).isEqualTo("https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf");
        assertThat(rule(id, "agency.missing")).isNull();
    }

    @Test
    void theParticipatingListOf20250104Loads135AgreementsWithTextDatesAndArchivedMoas() throws Exception {
        IngestResult result = ingest(RealData.file("287g/ParticipatingEntities-20250104041613.xlsx"));
        long id = result.releaseId();

        assertThat(result.profile()).isEqualTo("287g-participating-2025-01");
        assertThat(result.rowsLoaded()).isEqualTo(135);
        assertThat(perModel(id)).isEqualTo("JAIL_ENFORCEMENT 60, WARRANT_SERVICE_OFFICER 75");
        assertThat(result.coverageFrom()).hasToString("2019-04-24");
        assertThat(result.coverageTo()).hasToString("2020-12-23");
        assertThat(count(id, "signed_on = '2020-06-09'")).isEqualTo(27);
        assertThat(count(id, "moa_url like 'https://web.archive.org/web/20250104041613/https://www.ice.gov/%'"))
                .isEqualTo(135);
        assertThat(count(id, "state_id is null or agency_type is not null or county_raw is not null")).isZero();
        assertThat(count(id, "state_raw = 'FLORIDA'")).isEqualTo(48);
        assertThat(JSON.readTree(database.text("select report::text from data_release where id = " + id)).get("rules"))
                .as("this list is clean").isEmpty();
    }

    @Test
    void thePendingListLoads24RequestsAndReportsBaldwinCouny() throws Exception {
        IngestResult result = ingest(RealData.file("287g/pendingAgencies12312025am.xlsx"));
        long id = result.releaseId();

        assertThat(result.profile()).isEqualTo("287g-pending");
        assertThat(result.rowsLoaded()).isEqualTo(24);
        assertThat(count(id, "list_status = 'PENDING' and signed_on is null and moa_url is null")).isEqualTo(24);
        assertThat(perModel(id)).isEqualTo("JAIL_ENFORCEMENT 2, TASK_FORCE 20, WARRANT_SERVICE_OFFICER 2");
        assertRule(id, "model.corrected", 2, List.of("5: SUPPORT TYPE (column E): Warrant Services Officer",
                "7: SUPPORT TYPE (column E): Warrant Services Officer"));
        assertRule(id, "name.misspelt", 1, List.of("3: COUNTY (column D): Baldwin Couny"));
        assertRule(id, "whitespace.trimmed", 4, List.of("10: COUNTY (column D): Fulton County ",
                "15: STATE (column A): PENNSYLVANIA ", "15: LAW ENFORCEMENT AGENCY (column B): Coraopolis Borough"
                        + " Police Department ", "16: STATE (column A): PENNSYLVANIA "));
        assertThat(count(id, "state_id is null")).isZero();
        assertThat(rule(id, "county.differs_from_agency")).isNull();
    }

    private static IngestResult ingest(Path file) throws IngestException {
        return loader.file(file, new IngestRequest(SourceMetadata.titled(file.getFileName().toString()), null,
                Thresholds.DEFAULT, "test"), ProgressListener.NONE);
    }

    private static long count(long releaseId, String condition) throws Exception {
        return database.count("select count(*) from agreement_287g where release_id = " + releaseId + " and ("
                + condition + ")");
    }

    private static String perModel(long releaseId) throws Exception {
        return database.text("select string_agg(model || ' ' || n, ', ' order by model) from (select model, count(*) n"
                + " from agreement_287g where release_id = " + releaseId + " group by model) t");
    }

    private static JsonNode rule(long releaseId, String key) throws Exception {
        JsonNode report = JSON.readTree(database.text("select report::text from data_release where id = " + releaseId));
        for (JsonNode rule : report.get("rules")) {
            if (rule.get("rule").asText().equals(key)) {
                return rule;
            }
        }
        return null;
    }

    /** The rule's count and its examples as {@code row: column: value}. */
    private static void assertRule(long releaseId, String key, long count, List<String> examples) throws Exception {
        JsonNode rule = rule(releaseId, key);
        assertThat(rule).as("rule %s is reported", key).isNotNull();
        assertThat(rule.get("count").asLong()).as("count of %s", key).isEqualTo(count);
        List<String> found = new ArrayList<>();
        for (JsonNode example : rule.get("examples")) {
            found.add(example.get("row").asInt() + ": " + example.get("column").asText() + ": "
                    + example.get("value").asText());
        }
        assertThat(found).as("examples of %s", key).containsExactlyElementsOf(examples);
    }
}
