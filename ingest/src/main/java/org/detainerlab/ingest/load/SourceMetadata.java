package org.detainerlab.ingest.load;

import java.time.LocalDate;

/**
 * Where a release comes from, as the person ingesting it states it. Only the title is required; it defaults
 * to the file name.
 */
public record SourceMetadata(String title, String publisher, String foiaNumber, String sourceUrl, String licence,
                             LocalDate retrievedOn) {

    public static SourceMetadata titled(String title) {
        return new SourceMetadata(title, null, null, null, null, null);
    }
}
