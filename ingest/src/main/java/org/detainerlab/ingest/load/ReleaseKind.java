package org.detainerlab.ingest.load;

import java.nio.file.Path;

import org.detainerlab.ingest.read.SpreadsheetSource;

/**
 * One kind of file the platform loads as a release (detainers, a 287(g) agreement list, ICE's areas of
 * responsibility): it recognises its own header rows in a {@link FileHead} and owns the loader that writes it.
 * {@link org.detainerlab.ingest.Ingest} holds the one list of kinds and asks each in turn, so a new kind of table is
 * one more entry there, not another {@code catch}.
 */
public interface ReleaseKind {

    /** The kind as messages name it, e.g. {@code 287(g) agreement list}. */
    String name();

    /** What this kind's header looks like, for the message about a file of no known kind. */
    String expectedHeader();

    /** Whether the top of the file, read once for every kind, is this kind's header. */
    boolean recognises(FileHead head);

    /**
     * Loads the file as a release of this kind, all or nothing. {@code source} is the file as opened to read its
     * head, open still: its sheets can be read again from the start, and the caller closes it.
     */
    IngestResult ingest(Path file, SpreadsheetSource source, IngestRequest request, ProgressListener progress)
            throws IngestException;
}
