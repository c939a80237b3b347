package org.detainerlab.ingest.load;

/** No header row of the file matches a detainer layout; the message lists what was found and what is expected. */
public class UnknownLayoutException extends IngestException {

    public UnknownLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
