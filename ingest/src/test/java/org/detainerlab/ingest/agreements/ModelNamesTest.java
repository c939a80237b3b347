package org.detainerlab.ingest.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which support types name a model, and which are left unrecognised rather than guessed. */
class ModelNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Jail Enforcement Model, JAIL_ENFORCEMENT",
        "Task Force Model, TASK_FORCE",
        "Warrant Service Officer, WARRANT_SERVICE_OFFICER"})
    void thePublishedNamesAreExact(String published, SupportModel model) {
        assertThat(ModelNames.match(published)).isEqualTo(new ModelNames.Match(model, true));
    }

    @ParameterizedTest
    @CsvSource({
        "Jail Enforcment Model, JAIL_ENFORCEMENT",
        "jail enforcement model, JAIL_ENFORCEMENT",
        "Jail  Enforcement Model, JAIL_ENFORCEMENT",
        "287(g) Jail Enforcement, JAIL_ENFORCEMENT",
        "JEM, JAIL_ENFORCEMENT",
        "Task Force, TASK_FORCE",
        "Task-Force Model, TASK_FORCE",
        "Task Froce Model, TASK_FORCE",
        "TFM, TASK_FORCE",
        "Warrant Service Officer Program, WARRANT_SERVICE_OFFICER",
        "Warrant Services Officer, WARRANT_SERVICE_OFFICER",
        "Warrant Service Office, WARRANT_SERVICE_OFFICER",
        "Warrant Service Officer Model, WARRANT_SERVICE_OFFICER",
        "wso, WARRANT_SERVICE_OFFICER"})
    void variantsAndTyposAreCorrectedToTheOneModelTheyMatch(String variant, SupportModel model) {
        assertThat(ModelNames.match(variant)).isEqualTo(new ModelNames.Match(model, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task Force Model; Jail Enforcement Model", "Warrant Officer", "Jail", "Model", "TBD",
        "Detention", "Enforcement Task"})
    void anythingElseIsNotGuessed(String text) {
        assertThat(ModelNames.match(text)).isNull();
    }
}
