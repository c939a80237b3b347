package org.detainerlab.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.detainerlab.ingest.agreements.AgreementLoader;
import org.detainerlab.ingest.areas.AreaLoader;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.UnknownLayoutException;
import org.detainerlab.ingest.map.HeaderDetector;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;

/**
 * The one entry point for loading a file, used by the CLI and by the application's jobs. Detainer releases, the
 * large and common case, go straight to the {@link ReleaseLoader}; only a file whose header matches no detainer
 * layout is looked at again, and goes to the {@link AgreementLoader} if it is a 287(g) list. A file that is neither
 * gets the detainer loader's explanation of what it found and expected. ICE's list of areas of responsibility is
 * recognised by its first line and goes to the {@link AreaLoader}.
 */
public final class Ingest {

    private final ReleaseLoader detainers;
    private final AgreementLoader agreements;
    private final AreaLoader areas;
    private final ReadLimits limits;

    public Ingest(ReleaseLoader.ConnectionSource connections, ReadLimits limits, Clock clock) {
        this.detainers = new ReleaseLoader(connections, limits, clock);
        this.agreements = new AgreementLoader(connections, limits, clock);
        this.areas = new AreaLoader(connections);
        this.limits = limits;
    }

    public IngestResult file(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        // Checked first, on its first line only: the list quotes every field after a comma and a space, which the
        // detainer loader's CSV reader refuses as malformed rather than as an unknown layout.
        if (request.profile() == null && AreaLoader.looksLikeAreaList(file)) {
            return areas.ingest(file, request, progress);
        }
        try {
            return detainers.ingest(file, request, progress);
        } catch (UnknownLayoutException e) {
            if (request.profile() == null && isAgreementList(file)) {
                return agreements.ingest(file, request, progress);
            }
            throw e;
        }
    }

    /** Whether one of the first rows of the first non-empty sheet is a 287(g) list's header. */
    private boolean isAgreementList(Path file) {
        try (SpreadsheetSource source = Spreadsheets.open(file, limits)) {
            for (String sheet : source.sheets()) {
                try (RowIterator rows = source.rows(sheet)) {
                    SourceRow row = rows.next();
                    if (row == null) {
                        continue;
                    }
                    for (int seen = 1; row != null && seen <= HeaderDetector.MAX_LEADING_ROWS; seen++, row = rows.next()) {
                        if (AgreementLoader.looksLikeAgreementList(java.util.List.of(row.cells()))) {
                            return true;
                        }
                    }
                    return false;
                }
            }
            return false;
        } catch (IOException | SourceFormatException e) {
            // Not readable: the detainer loader reports the problem in full.
            return false;
        }
    }
}
