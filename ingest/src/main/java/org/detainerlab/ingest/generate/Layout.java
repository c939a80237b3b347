package org.detainerlab.ingest.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The published layouts the generator writes, each with its file format. */
public enum Layout {
    /** ICE releases since 2023: six title rows, one sheet per fiscal year, 62 columns. */
    ICE_MODERN_XLSX("ice-modern-xlsx"),
    /** The same columns and rows as csv (header on the first line, no title rows). */
    ICE_MODERN_CSV("ice-modern-csv"),
    /** ICE's 2015 release: one sheet, header in row 1, six columns, full upper-case state names. */
    ICE_2015_XLSX("ice-2015-xlsx"),
    /** The Deportation Data Project's cleaned csv: snake_case names, a leading index column, NA for missing. */
    DDP_CSV("ddp-csv");

    private final String label;

    Layout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Layout> byLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label.toLowerCase(Locale.ROOT))).findFirst();
    }
}
