package org.detainerlab.ingest.read;

/**
 * The file cannot be read as the spreadsheet it claims to be. The message names the file and, where known, the
 * sheet, row and column (spreadsheet letters), and says what the reader expected, so that a person can find and
 * fix the cell.
 */
public class SourceFormatException extends Exception {

    private final String file;
    private final String sheet;
    private final Integer row;
    private final String column;
    private final String problem;

    public SourceFormatException(String file, String sheet, Integer row, String column, String problem) {
        this(file, sheet, row, column, problem, null);
    }

    public SourceFormatException(String file, String sheet, Integer row, String column, String problem,
                                 Throwable cause) {
        super(describe(file, sheet, row, column, problem), cause);
        this.file = file;
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.problem = problem;
    }

    private static String describe(String file, String sheet, Integer row, String column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(", sheet '").append(sheet).append('\'');
        }
        if (row != null) {
            where.append(", row ").append(row);
        }
        if (column != null) {
            where.append(", column ").append(column);
        }
        return where + ": " + problem;
    }

    public String file() {
        return file;
    }

    public String sheet() {
        return sheet;
    }

    public Integer row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String problem() {
        return problem;
    }

    /** Spreadsheet column letters for a 0-based index: 0 is A, 25 is Z, 26 is AA. */
    public static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            name.insert(0, (char) ('A' + i % 26));
        }
        return name.toString();
    }
}
