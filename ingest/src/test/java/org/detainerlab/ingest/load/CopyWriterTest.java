package org.detainerlab.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CopyWriterTest {

    private static String write(CopyWriterAction action) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyWriter writer = new CopyWriter(out);
        action.run(writer);
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface CopyWriterAction {
        void run(CopyWriter writer) throws Exception;
    }

    @Test
    void writesTheCopyTextFormatWithEscapesAndNulls() throws Exception {
        assertThat(write(w -> {
            w.raw("7").text("a\tb\\c\nd\re").text(null).date(LocalDate.of(2024, 1, 2)).flag((byte) 1).flag((byte) -1)
                    .number((Long) null).number(42L);
            w.endRow();
        })).isEqualTo("7\ta\\tb\\\\c\\nd\\re\t\\N\t2024-01-02\tt\t\\N\t\\N\t42\n");
    }

    @Test
    void encodesEveryCharacterAsUtf8() throws Exception {
        String text = "é ñ 中文 😀 MINN.C.F.,ST.CLOUD";
        assertThat(write(w -> {
            w.text(text);
            w.endRow();
        })).isEqualTo(text + "\n");
        assertThat(write(w -> w.text("bad \uD800 surrogate"))).isEqualTo("bad \uFFFD surrogate");
    }

    @Test
    void aFailureToSendReachesTheWriter() {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("connection reset");
            }
        };
        CopyWriter writer = new CopyWriter(broken);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                writer.text("row " + i + " with some text to fill the buffers").endRow();
            }
            writer.close();
        }).isInstanceOf(java.io.IOException.class).hasMessage("connection reset");
    }

    @Test
    void longValuesCrossTheBufferBoundaryIntact() throws Exception {
        String cell = "ü".repeat(700_000) + "x".repeat(500_000);
        String written = write(w -> {
            w.text(cell).text(cell);
            w.endRow();
        });
        assertThat(written).isEqualTo(cell + "\t" + cell + "\n");
    }

    @Test
    void shortValuesWithEscapesAndWideCharactersFillBufferAfterBufferIntact() throws Exception {
        String[] cells = {"San Jos\u00e9", "a\tb", "c\\d", "\ud83d\ude00 e", "\u20ac 5", "plain ASCII text"};
        StringBuilder expected = new StringBuilder();
        String written = write(w -> {
            for (int i = 0; i < 200_000; i++) {
                w.text(cells[i % cells.length]).number(i);
                w.endRow();
            }
        });
        for (int i = 0; i < 200_000; i++) {
            expected.append(cells[i % cells.length].replace("\\", "\\\\").replace("\t", "\\t")).append('\t')
                    .append(i).append('\n');
        }
        assertThat(written).isEqualTo(expected.toString());
    }
}
