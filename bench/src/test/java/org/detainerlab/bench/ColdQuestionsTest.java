package org.detainerlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The cold mix's questions: enough of them, all distinct, every shape, grouping and filter among them. */
class ColdQuestionsTest {

    /** As the benchmark's catalog, smaller: states, counties and facilities that have rows, types, months. */
    private static final ColdQuestions.Catalog CATALOG = new ColdQuestions.Catalog(
            List.of("AZ", "CA", "FL", "GA", "IL", "NJ", "NY", "TX", "WA"), List.of("04013", "06037", "06085", "48201"),
            List.of("HARRIS COUNTY JAIL", "SANTA CLARA, MAIN JAIL", "MARICOPA COUNTY JAIL", "COOK COUNTY JAIL"),
            List.of("I-247A", "I-247D", "I-247N"), YearMonth.of(2012, 10), YearMonth.of(2026, 9), ColdMix.PROVISION);

    @Test
    void fiveHundredDistinctQuestionsCoverEveryShapeGroupingAndFilter() {
        List<ColdQuestions.Question> questions = ColdQuestions.draw(CATALOG, 500, 17);

        assertThat(questions).hasSize(500);
        assertThat(questions.stream().map(ColdQuestions.Question::query).distinct()).hasSize(500);
        assertThat(questions.stream().map(ColdQuestions.Question::shape).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ColdQuestions.shapes()).hasSize(18);
        for (String shape : ColdQuestions.shapes()) {
            assertThat(questions.stream().filter(q -> q.shape().equals(shape)).count()).as(shape).isGreaterThanOrEqualTo(15);
        }
        Set<String> grouped = new HashSet<>();
        questions.forEach(q -> grouped.addAll(q.groupBy()));
        assertThat(grouped).containsAll(ColdQuestions.DIMENSIONS).contains(ColdQuestions.REGIME);
        // the person and charge fields only the rows hold are asked as often as the others, not once for the record
        for (String dimension : ColdQuestions.DIMENSIONS) {
            assertThat(questions.stream().filter(q -> q.groupBy().contains(dimension)).count()).as(dimension)
                    .isGreaterThanOrEqualTo(30);
        }
        assertThat(ColdQuestions.DIMENSIONS).contains("criminality", "threatLevel", "gender", "citizenshipCountry",
                "ageBand", "notifyRelease", "mscCharge", "chargeCategory");
        assertThat(questions.stream().map(ColdQuestions.Question::filter).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ColdQuestions.FILTERS);
        assertThat(questions.stream().map(q -> q.groupBy().size()).collect(Collectors.toSet())).containsExactly(1, 2, 3);
    }

    @Test
    void rangesAreWholeMonthsOrStartAndEndInsideMonths() {
        for (ColdQuestions.Question q : ColdQuestions.draw(CATALOG, 500, 17)) {
            if (q.shape().endsWith("no range")) {
                assertThat(q.from()).isNull();
                assertThat(q.query()).doesNotContain("from=");
            } else if (q.shape().endsWith("month-aligned range")) {
                assertThat(q.from().getDayOfMonth()).isEqualTo(1);
                assertThat(q.to()).isEqualTo(q.to().withDayOfMonth(q.to().lengthOfMonth()));
            } else {
                assertThat(q.from().getDayOfMonth()).isNotIn(1, q.from().lengthOfMonth());
                assertThat(q.to().getDayOfMonth()).isNotIn(1, q.to().lengthOfMonth());
                assertThat(q.from()).isBeforeOrEqualTo(q.to());
            }
            if (q.from() != null) {
                assertThat(YearMonth.from(q.from())).isBetween(CATALOG.firstMonth(), CATALOG.lastMonth());
                assertThat(YearMonth.from(q.to())).isBetween(CATALOG.firstMonth(), CATALOG.lastMonth());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameQuestionsAndRegimeQuestionsNameTheProvision() {
        List<ColdQuestions.Question> questions = ColdQuestions.draw(CATALOG, 500, 17);

        assertThat(ColdQuestions.draw(CATALOG, 500, 17)).isEqualTo(questions);
        questions.stream().filter(q -> q.groupBy().contains(ColdQuestions.REGIME)).forEach(q ->
                assertThat(q.query()).contains("provision=" + ColdMix.PROVISION));
        assertThat(questions.stream().filter(q -> q.filter().equals("facility")).map(ColdQuestions.Question::query))
                .anyMatch(query -> query.contains("facility=SANTA+CLARA%2C+MAIN+JAIL"));
    }
}
