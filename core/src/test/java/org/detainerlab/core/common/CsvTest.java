package org.detainerlab.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyWhatMustBeQuotedAndEndsLinesWithCrLf() {
        assertThat(Csv.line(Arrays.asList("a", null, "b,c", "say \"hi\"", "two\nlines", "bare\rcr", 7)))
                .isEqualTo("a,,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"bare\rcr\",7\r\n");
    }

    @Test
    void formulaLeadingTextIsPrefixedWithAnApostrophe() {
        assertThat(Csv.line(List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b")))
                .isEqualTo("'=1+1,'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n");
    }

    @Test
    void numbersAreDataNotFormulas() {
        assertThat(Csv.line(List.of(-3, -0.5, 12L))).isEqualTo("-3,-0.5,12\r\n");
    }

    @Test
    void aTableIsItsHeaderAndItsRows() {
        assertThat(new Csv(List.of("k", "v")).row("=x", null).toString()).isEqualTo("k,v\r\n'=x,\r\n");
    }
}
