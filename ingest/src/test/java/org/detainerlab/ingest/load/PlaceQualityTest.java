package org.detainerlab.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.place.PlaceKeys;
import org.detainerlab.core.testing.MigratedDatabase;
import org.detainerlab.core.testing.RealData;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.report.Thresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the automatic place resolution on the real FY2015 release, with no curator work: the share of rows that
 * have a state and get a county (at least 90%), and, on a sample of facility spellings labelled by hand from public
 * sources ({@code places/fy2015-labelled-places.tsv}), the share of resolved spellings whose county is right (at
 * least 98%). Skipped without the real data, failed when it is missing under CI.
 */
class PlaceQualityTest {

    private static final String FY2015 = "ice-detainers-fy2015/rif-FOIA_15-87693_07262015_LESA-STU_FINAL_FY15YTD.xlsx";

    private static MigratedDatabase database;

    private record Label(String state, String city, String facility, String county, String source) {
    }

    @BeforeAll
    static void start() {
        database = MigratedDatabase.start();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void fy2015PlacesResolveToCountiesAboveTheTargets() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(Files.isRegularFile(RealData.dir().resolve(FY2015))).as("CI needs the real FY2015 file").isTrue();
        }
        Path file = RealData.file(FY2015);
        IngestResult result = new ReleaseLoader(database::connect, ReadLimits.DEFAULT, Clock.systemUTC())
                .ingest(file, new IngestRequest(SourceMetadata.titled("FY2015"), null, Thresholds.DEFAULT, "test"),
                        ProgressListener.NONE);
        long release = result.releaseId();

        long withState = database.count("select count(*) from detainer where state_id is not null and release_id = " + release);
        long withCounty = database.count("select count(*) from detainer d join place p on p.id = d.place_id"
                + " where d.state_id is not null and p.county_id is not null and d.release_id = " + release);
        double coverage = (double) withCounty / withState;

        List<Label> labels = labels();
        int resolved = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement find = connection.prepareStatement("select c.code from place p"
                     + " join jurisdiction s on s.id = p.state_id left join jurisdiction c on c.id = p.county_id"
                     + " where upper(s.name) = ? and p.facility_key = ? and p.city_key = ? and p.facility_code = ''")) {
            for (Label label : labels) {
                find.setString(1, label.state());
                find.setString(2, PlaceKeys.key(label.facility()));
                find.setString(3, PlaceKeys.key(label.city()));
                try (ResultSet rs = find.executeQuery()) {
                    assertThat(rs.next()).as("the labelled spelling %s is in the release", label).isTrue();
                    String county = rs.getString(1);
                    if (county != null) {
                        resolved++;
                        if (county.equals(label.county())) {
                            right++;
                        } else {
                            wrong.add(label.facility() + " (" + label.city() + "): " + county + ", labelled " + label.county());
                        }
                    }
                }
            }
        }
        double precision = (double) right / resolved;
        System.out.printf("FY2015 places: county for %d of %d rows with a state (%.1f%%); labelled sample: %d spellings,"
                        + " %d resolved, %d right (%.1f%%); wrong: %s%n", withCounty, withState, 100 * coverage,
                labels.size(), resolved, right, 100 * precision, wrong);
        assertThat(labels).hasSizeGreaterThanOrEqualTo(100);
        assertThat(coverage).as("share of rows with a state that get a county").isGreaterThanOrEqualTo(0.90);
        assertThat(precision).as("share of resolved labelled spellings whose county is right; wrong: %s", wrong)
                .isGreaterThanOrEqualTo(0.98);
    }

    private static List<Label> labels() throws IOException {
        List<Label> labels = new ArrayList<>();
        try (InputStream in = PlaceQualityTest.class.getResourceAsStream("/places/fy2015-labelled-places.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.startsWith("state\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                labels.add(new Label(f[0], f[1], f[2], f[3], f[4]));
            }
        }
        return labels;
    }

}
