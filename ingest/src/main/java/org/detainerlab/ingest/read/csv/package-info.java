/**
 * The csv reader: {@link org.detainerlab.ingest.read.csv.CsvSource} streams a strict RFC 4180, UTF-8 file as one
 * sheet. The parser works on large decoded chunks rather than per-char readers so that a release of several
 * hundred thousand rows reads in well under a second.
 */
package org.detainerlab.ingest.read.csv;
