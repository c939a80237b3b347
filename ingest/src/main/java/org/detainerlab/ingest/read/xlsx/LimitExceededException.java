package org.detainerlab.ingest.read.xlsx;

import java.io.IOException;

/**
 * A part of the package inflates past a {@link org.detainerlab.ingest.read.ReadLimits} bound. It is an
 * {@link IOException} because it is thrown from inside {@code InputStream.read}, under the XML parser; the
 * reader turns it into a {@link org.detainerlab.ingest.read.SourceFormatException} carrying this message.
 */
final class LimitExceededException extends IOException {

    LimitExceededException(String problem) {
        super(problem);
    }
}
