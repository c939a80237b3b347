package org.detainerlab.core.curation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.caserecord.CaseRecordInput;
import org.detainerlab.core.common.FieldError;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Constraint failures are named as the body names its fields, so that a form shows each beside its input. */
class BeanChecksTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aFieldOfAListElementCarriesTheElementsIndexOnTheList() {
        CaseRecordInput input = new CaseRecordInput("A title", "A narrative.", List.of("TX", " "), null, null,
                List.of(), null, List.of(), List.of(new CaseRecordInput.Source("report", "A citation", null, null, null),
                        new CaseRecordInput.Source("second", " ", "not a web address", null, null)),
                List.of(), List.of(), List.of(), false);
        List<FieldError> errors = new ArrayList<>();

        assertThat(BeanChecks.check(VALIDATOR, input, "records[2].", errors)).isFalse();

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("records[2].jurisdictions[1]",
                "records[2].sources[1].citation", "records[2].sources[1].url");
    }
}
