package org.detainerlab.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.detainerlab.ingest.agreements.AgreementLoader;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.map.HeaderDetector;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;

/**
 * The one entry point for loading a file, used by the CLI and by the application's jobs: a 287(g) agreement list
 * (recognised by its header) goes to the {@link AgreementLoader}, anything else to the detainer
 * {@link ReleaseLoader}, which explains what it expected if the file is neither.
 */
public final class Ingest {

    private final ReleaseLoader detainers;
    private final AgreementLoader agreements;
    private final ReadLimits limits;

    public Ingest(ReleaseLoader.ConnectionSource connections, ReadLimits limits, Clock clock) {
        this.detainers = new ReleaseLoader(connections, limits, clock);
        this.agreements = new AgreementLoader(connections, limits, clock);
        this.limits = limits;
    }

    public IngestResult file(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        boolean agreementList = request.profile() == null && isAgreementList(file);
        return agreementList ? agreements.ingest(file, request, progress) : detainers.ingest(file, request, progress);
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
