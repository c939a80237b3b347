package org.detainerlab.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TextAnchorTest {

    private static final String TEXT = "The sheriff released him. Later the sheriff declined the detainer.";

    private static TextQuoteSelector quote(String exact, String prefix, String suffix) {
        return new TextQuoteSelector(exact, prefix, suffix);
    }

    @Test
    void aPassageStillAtItsPositionStaysThere() {
        TextPositionSelector at = new TextPositionSelector(4, 11);
        assertThat(TextAnchor.locate(TEXT, quote("sheriff", "The ", " released"), at)).contains(at);
    }

    @Test
    void textInsertedBeforeThePassageMovesIt() {
        String edited = "In 2015, t" + TEXT.substring(1);
        Optional<TextPositionSelector> found = TextAnchor.locate(edited, quote("released him", "sheriff ", ". Later"),
                new TextPositionSelector(12, 24));
        assertThat(found).contains(new TextPositionSelector(21, 33));
        assertThat(edited.substring(21, 33)).isEqualTo("released him");
    }

    @Test
    void ofSeveralOccurrencesTheOneWhoseContextMatchesWins() {
        // "sheriff" occurs twice; the recorded context is that of the second one
        String edited = "Yesterday: " + TEXT;
        Optional<TextPositionSelector> found = TextAnchor.locate(edited, quote("sheriff", "Later the ", " declined"),
                new TextPositionSelector(35, 42));
        int second = edited.lastIndexOf("sheriff");
        assertThat(found).contains(new TextPositionSelector(second, second + 7));
    }

    @Test
    void withoutContextTheOccurrenceNearestTheOldPositionWins() {
        String text = "ab ab ab ab";
        assertThat(TextAnchor.locate(text + "!", quote("ab", null, null), new TextPositionSelector(7, 9)))
                .contains(new TextPositionSelector(6, 8));
    }

    @Test
    void aQuoteThatIsGoneCannotBeAnchored() {
        assertThat(TextAnchor.locate("Something else entirely.", quote("released him", "sheriff ", ". Later"),
                new TextPositionSelector(12, 24))).isEmpty();
    }

    @Test
    void anOldPositionBeyondTheNewTextIsNoProblem() {
        assertThat(TextAnchor.locate("short sheriff", quote("sheriff", null, null), new TextPositionSelector(40, 47)))
                .contains(new TextPositionSelector(6, 13));
    }

    @Test
    void missingContextIsTakenFromTheText() {
        TextQuoteSelector withContext = TextAnchor.withContext(TEXT, quote("released", null, null),
                new TextPositionSelector(12, 20), 5);
        assertThat(withContext).isEqualTo(quote("released", "riff ", " him."));
    }
}
