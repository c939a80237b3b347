package org.detainerlab.ingest.load;

/** An ingest failed and loaded nothing; the message says why, naming file, sheet, row and column where known. */
public class IngestException extends Exception {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
