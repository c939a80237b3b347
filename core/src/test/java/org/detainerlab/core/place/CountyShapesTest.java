package org.detainerlab.core.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Points whose county is known from public maps, against the us-atlas geometry the project ships. */
class CountyShapesTest {

    private final CountyShapes shapes = CountyShapes.get();

    @Test
    void aPointInACountyIsInThatCounty() {
        assertThat(shapes.countyAt(37.3382, -121.8863)).as("San Jose City Hall").isEqualTo("06085");
        assertThat(shapes.countyAt(29.7604, -95.3698)).as("Houston City Hall").isEqualTo("48201");
        assertThat(shapes.countyAt(41.8837, -87.6324)).as("Chicago, Daley Center").isEqualTo("17031");
    }

    @Test
    void pointsEitherSideOfACountyLineFallOnTheirOwnSide() {
        assertThat(shapes.countyAt(39.0997, -94.5786)).as("Kansas City, Missouri").isEqualTo("29095");
        assertThat(shapes.countyAt(39.1142, -94.6275)).as("Kansas City, Kansas").isEqualTo("20209");
    }

    @Test
    void anEnclaveIsAHoleInTheCountyAroundIt() {
        assertThat(shapes.countyAt(38.0293, -78.4767)).as("Charlottesville, inside Albemarle").isEqualTo("51540");
        assertThat(shapes.countyAt(38.0800, -78.6000)).as("rural Albemarle").isEqualTo("51003");
        assertThat(shapes.countyAt(38.8462, -77.3064)).as("the City of Fairfax, inside Fairfax County").isEqualTo("51600");
    }

    @Test
    void aPointAtSeaIsInNoCounty() {
        assertThat(shapes.countyAt(36.5, -125.0)).as("the Pacific off California").isNull();
        assertThat(shapes.countyAt(26.0, -90.0)).as("the Gulf of Mexico").isNull();
    }
}
