package org.detainerlab.ingest.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("mapping.json"), json);
    }

    @Test
    void readsColumnsRequiredFieldsDateFormatsAndMissingTokens() throws Exception {
        Profile profile = MappingFile.read(write("""
                {"name": "county-export",
                 "columns": {"Date Prepared": "prepare_date", "ST": "state", "Jail": "facility", "Result": "lift_reason"},
                 "required": ["prepare_date", "state"],
                 "dateFormats": ["dd.MM.yyyy"],
                 "missing": ["-"]}"""));
        assertThat(profile.name()).isEqualTo("county-export");
        assertThat(profile.fieldOf("date prepared")).isEqualTo(Field.PREPARE_DATE);
        assertThat(profile.required()).containsExactlyInAnyOrder(Field.PREPARE_DATE, Field.STATE);
        assertThat(profile.dateFormats()).containsExactly("dd.MM.yyyy");
        assertThat(profile.missingTokens()).containsExactly("-");
    }

    @Test
    void requiredDefaultsToEveryMappedField() throws Exception {
        Profile profile = MappingFile.read(write("{\"columns\": {\"D\": \"prepare_date\", \"S\": \"state\"}}"));
        assertThat(profile.required()).containsExactlyInAnyOrder(Field.PREPARE_DATE, Field.STATE);
        assertThat(profile.dateFormats()).containsExactly("yyyy-MM-dd");
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() throws Exception {
        Path file = write("{\"columns\": {\"D\": \"prepared_on\"}}");
        assertThatThrownBy(() -> MappingFile.read(file))
                .hasMessageContaining("column \"D\" maps to unknown field \"prepared_on\"")
                .hasMessageContaining("prepare_date");
    }

    @Test
    void invalidJsonSaysWhere() throws Exception {
        Path file = write("{\"columns\": {\"D\": }");
        assertThatThrownBy(() -> MappingFile.read(file)).hasMessageContaining("not valid JSON at line 1");
    }
}
