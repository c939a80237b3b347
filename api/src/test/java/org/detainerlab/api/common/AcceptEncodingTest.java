package org.detainerlab.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzipIsTakenWhenNamedOrCoveredByAStarWithAWeightAboveZero() {
        assertThat(AcceptEncoding.gzip("gzip, deflate, br")).isTrue();
        assertThat(AcceptEncoding.gzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(AcceptEncoding.gzip("x-gzip")).isTrue();
        assertThat(AcceptEncoding.gzip("*")).isTrue();
    }

    @Test
    void gzipIsNotTakenWhenAbsentRefusedOrMalformed() {
        assertThat(AcceptEncoding.gzip((String) null)).isFalse();
        assertThat(AcceptEncoding.gzip("identity")).isFalse();
        assertThat(AcceptEncoding.gzip("deflate, br")).isFalse();
        assertThat(AcceptEncoding.gzip("gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.gzip("*, gzip;q=0")).isFalse();
        assertThat(AcceptEncoding.gzip("*;q=0")).isFalse();
        assertThat(AcceptEncoding.gzip("gzip;q=zero")).isFalse();
    }
}
