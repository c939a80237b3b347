package org.detainerlab.ingest.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spelling checks flag slips in the words names are made of, and leave real names alone. */
class NameSpellingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Baldwin Couny | Couny",
        "Lake Conty | Conty",
        "Big Sandy Police Departement | Departement",
        "16th Judicial Distric Drug Task Force | Distric",
        "Hardin County Sherrif's Office | Sherrif's",
        "Tulsa Polce Department | Polce",
        "Ctiy of Miami Police Department | Ctiy",
        "Mobile County Jial | Jial",
        "State Gaming Comission | Comission"})
    void aWordOneSlipFromTheVocabularyIsSuspect(String name, String word) {
        assertThat(NameSpelling.suspectWords(name)).containsExactly(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Autauga County Sheriff's Office", "Power County Sheriff\u2019s Office",
        "Franklin County Sheriffs Office", "Paris Police Department", "Marshall County Sheriff's Office",
        "Natrona County Sheriff's Office", "Staten Island", "Calcasieu Parish", "Country Club Hills Police",
        "Florida Department of Corrections", "Texas Department of Public Safety- Criminal Investigations Division",
        "Rappahannock, Shenandoah, Warren Regional Jail Authority", "East Donegal Township Constables Office",
        "The Villages Public Safety Department", "Gulf County Board of County Commissioners /Detention Facility",
        "#N/A", "Pop County"})
    void realNamesAreNotSuspect(String name) {
        assertThat(NameSpelling.suspectWords(name)).isEmpty();
    }

    @Test
    void aCountySpeltSlightlyDifferentlyFromTheAgencysCountyIsFound() {
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Pope County Sheriff's Office", "Pop County"))
                .isEqualTo("Pope");
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Dogulas County Sheriff's Office", "Douglas County"))
                .isEqualTo("Dogulas");
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Calcasieu Parish Sheriff's Office", "Calacasieu Parish"))
                .isEqualTo("Calcasieu");
        assertThat(NameSpelling.countyMisspeltAgainstAgency("San Patricio County Sheriff's Office",
                "San Patrico County")).isEqualTo("San Patricio");
    }

    @Test
    void agreeingDifferentOrUnnamedCountiesAreNotReported() {
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Autauga County Sheriff's Office", "Autauga County"))
                .isNull();
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Metropolitan Moore County Sheriff's Office",
                "Moore County")).isNull();
        assertThat(NameSpelling.countyMisspeltAgainstAgency("County of Franklin / Franklin County Jail",
                "Franklin County")).isNull();
        assertThat(NameSpelling.countyMisspeltAgainstAgency("St. Charles Parish Sheriff's Office",
                "German Coast County")).as("another county, not a slip").isNull();
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Jackson Police Department", "Clarke County")).isNull();
        assertThat(NameSpelling.countyMisspeltAgainstAgency("Grady County Sheriff's Office", "#N/A")).isNull();
    }
}
