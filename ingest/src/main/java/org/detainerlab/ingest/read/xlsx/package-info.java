/**
 * The xlsx (Office Open XML spreadsheet) reader and writer, built on the JDK alone: {@code java.util.zip} for the
 * package and StAX for its XML parts. {@link org.detainerlab.ingest.read.xlsx.XlsxSource} streams a sheet row by
 * row and refuses hostile or broken files (zip bombs, external entities, formulas, over-long cells) with
 * messages a person can act on; {@link org.detainerlab.ingest.read.xlsx.XlsxWriter} writes workbooks of any
 * length in constant memory, for the synthetic-data generator and test fixtures.
 */
package org.detainerlab.ingest.read.xlsx;
