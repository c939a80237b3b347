package org.detainerlab.ingest.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"b(6), b(7)c", "b(6), b(7)C", "B(6),B(7)(C)", "(b)(6), (b)(7)(C)", "b6, b7c", " b(6), b(7)c ", "\t(b)(6) and (b)(7)(c)"})
    void recognisesFoiaMarkers(String text) {
        assertThat(Redaction.isMarker(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b(6)", "6", "Building 6", "b(7)c", "1996", "MINN.C.F.,ST.CLOUD", "b67c0f3e9a", "7b6c(b)(6)(b)(7)c"})
    void leavesOtherTextAlone(String text) {
        assertThat(Redaction.isMarker(text)).isFalse();
    }
}
