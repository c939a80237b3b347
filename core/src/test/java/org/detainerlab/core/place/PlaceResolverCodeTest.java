package org.detainerlab.core.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.testing.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facility code's county comes from its reference coordinates by point in polygon; the ZIP code of its address
 * is used only when the coordinates lie in no county, and the evidence says which.
 */
class PlaceResolverCodeTest {

    @TempDir
    static Path data;

    private static PlaceResolver resolver;

    @BeforeAll
    static void reference() throws IOException {
        Path file = data.resolve(FacilityReference.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n",
                "detention_facility_code\tdetention_facility_name\tlatitude\tlongitude\taddress\tcity\tstate\tuncertainty",
                "HOUPT\tA HOUSTON FACILITY\t29.7604\t-95.3698\t\"901 Bagby St, Houston, TX\"\tHouston\tTX\t",
                "OFFSH\tA FACILITY PLACED AT SEA\t26.0\t-90.0\t\"901 Bagby St, Houston, TX 77002\"\tHouston\tTX\t",
                "CVILLE\tA CHARLOTTESVILLE FACILITY\t38.0293\t-78.4767\t\"1 Main St, Charlottesville, VA 22901\"\tCharlottesville\tVA\t",
                "NOWHERE\tNO COORDINATES, NO ZIP\t\t\t\"Somewhere, TX\"\tSomewhere\tTX\t") + "\n");
        resolver = new PlaceResolver(Gazetteer.get(), CountyShapes.get(), FacilityReference.load(data));
    }

    @Test
    void theCoordinatesPlaceTheFacilityByPointInPolygon() {
        Resolution resolution = resolver.resolve("48", "A HOUSTON FACILITY", "HOUPT", "HOUSTON");
        assertThat(resolution.method()).isEqualTo(PlaceMethod.CODE);
        assertThat(resolution.applied()).isEqualTo("48201");
        assertThat(resolution.evidence().get("countyBy").toString()).startsWith("point in polygon");
    }

    @Test
    void coordinatesInNoCountyFallBackToTheZipCodeAndSaySo() {
        Resolution resolution = resolver.resolve("48", "A FACILITY PLACED AT SEA", "OFFSH", "");
        assertThat(resolution.applied()).isEqualTo("48201");
        assertThat(resolution.evidence().get("countyBy").toString()).startsWith("ZIP code 77002");
    }

    @Test
    void coordinatesAndZipCodeInDifferentCountiesGoToReviewWithBoth() {
        Resolution resolution = resolver.resolve("51", "A CHARLOTTESVILLE FACILITY", "CVILLE", "");
        assertThat(Gazetteer.get().zipCounty("22901")).isEqualTo("51003");
        assertThat(resolution.ambiguous()).isTrue();
        assertThat(resolution.applied()).isNull();
        assertThat(resolution.county()).as("the city of Charlottesville, an enclave of Albemarle").isEqualTo("51540");
        assertThat(resolution.candidates()).extracting(Resolution.Candidate::county).containsExactly("51540", "51003");
        assertThat(resolution.evidence().get("zipCounty").toString()).contains("51003");
    }

    @Test
    void aCodeWithNeitherCoordinatesNorZipFallsThroughToTheOtherMethods() {
        Resolution resolution = resolver.resolve("48", "HARRIS COUNTY JAIL", "NOWHERE", "");
        assertThat(resolution.method()).isEqualTo(PlaceMethod.NAME_PATTERN);
        assertThat(resolution.applied()).isEqualTo("48201");
        assertThat(resolution.evidence().get("code").toString()).contains("neither its coordinates");
    }

    @Test
    void everyRealReferenceFacilityWithCoordinatesLiesInACountyOfItsOwnState() {
        RealData.file(FacilityReference.FILE);
        FacilityReference real = FacilityReference.load(RealData.dir());
        PlaceResolver withReal = new PlaceResolver(Gazetteer.get(), CountyShapes.get(), real);
        int placed = 0;
        List<String> disagreements = new ArrayList<>();
        for (FacilityReference.Entry entry : real.entries()) {
            if (entry.latitude().isEmpty()) {
                continue;
            }
            String state = Gazetteer.get().fips(entry.state());
            Resolution resolution = withReal.resolve(state, "", entry.code(), "");
            assertThat(resolution.county()).as("the county of %s", entry).isNotNull();
            if (state != null) {
                assertThat(resolution.county()).as("the county of %s", entry).startsWith(state);
            }
            assertThat(resolution.evidence().get("countyBy").toString()).as("%s", entry.code()).startsWith("point in polygon");
            placed++;
            if (resolution.ambiguous()) {
                disagreements.add(entry.code() + ": " + resolution.candidates());
            }
        }
        assertThat(placed).as("reference facilities with coordinates").isGreaterThanOrEqualTo(30);
        assertThat(disagreements).as("facilities whose ZIP code names another county, left to a curator")
                .hasSizeLessThanOrEqualTo(placed / 10);
        System.out.println("Reference facilities placed by point in polygon: " + placed + "; left to review because"
                + " their ZIP code names another county: " + disagreements);
    }
}
