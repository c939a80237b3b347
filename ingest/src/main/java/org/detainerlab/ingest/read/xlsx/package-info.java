/**
 * The xlsx (Office Open XML spreadsheet) reader and writer, built on the JDK alone: {@code java.util.zip} for the
 * package, StAX for its small XML parts and a scanner of its own for the large ones (sheets, shared strings).
 * {@link org.detainerlab.ingest.read.xlsx.XlsxSource} streams a sheet row by row, gives its cells' hyperlinks
 * ({@link org.detainerlab.ingest.read.xlsx.Hyperlinks}) and refuses hostile or broken files (zip bombs,
 * external entities, formulas without a stored value, over-long cells) with messages a person can act on;
 * {@link org.detainerlab.ingest.read.xlsx.XlsxWriter} writes workbooks of any length, with text inline or in a
 * shared string table, for the synthetic-data generator and test fixtures.
 */
package org.detainerlab.ingest.read.xlsx;
