package org.detainerlab.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.detainerlab.ingest.agreements.AgreementLoader;
import org.detainerlab.ingest.areas.AreaLoader;
import org.detainerlab.ingest.load.FileHead;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseKind;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.UnknownLayoutException;
import org.detainerlab.ingest.map.HeaderDetector;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;

/**
 * The one entry point for loading a file, used by the CLI and by the application's upload jobs, and the one
 * registry of the kinds of release: detainers, 287(g) agreement lists, ICE's areas of responsibility. The file is
 * opened once; the first rows of each sheet are read once ({@link FileHead}); each kind in turn says whether they
 * hold its header, and the first that does loads the file from the source already open. A request with a profile
 * or mapping names a detainer layout, so it goes to the detainer kind without asking. A file of no known kind is
 * refused with its file, sheet, widest row and what each kind expects.
 */
public final class Ingest {

    /** Opens a file as a spreadsheet source; the registry calls it once per file. */
    @FunctionalInterface
    interface Opener {
        SpreadsheetSource open(Path file) throws IOException, SourceFormatException;
    }

    private final List<ReleaseKind> kinds;
    private final ReleaseKind detainers;
    private final Opener opener;

    public Ingest(ReleaseLoader.ConnectionSource connections, ReadLimits limits, Clock clock) {
        this(List.of(new ReleaseLoader(connections, limits, clock), new AgreementLoader(connections, limits, clock),
                new AreaLoader(connections)), file -> Spreadsheets.open(file, limits));
    }

    /** The kinds in the order they are asked; the first is the detainer kind, which profiles and mappings name. */
    Ingest(List<ReleaseKind> kinds, Opener opener) {
        this.kinds = List.copyOf(kinds);
        this.detainers = kinds.get(0);
        this.opener = opener;
    }

    /** The kinds of release this registry knows, in the order they are asked. */
    public List<ReleaseKind> kinds() {
        return kinds;
    }

    public IngestResult file(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        String fileName = file.getFileName().toString();
        try (SpreadsheetSource source = opener.open(file)) {
            ReleaseKind kind = request.profile() != null ? detainers : recognise(FileHead.read(fileName, source));
            return kind.ingest(file, source, request, progress);
        } catch (SourceFormatException e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(fileName + ": reading failed: " + e.getMessage(), e);
        }
    }

    /**
     * The first kind whose header the file's head holds. Otherwise what stopped a sheet from being read, if
     * anything did (that is the file's problem, not its kind), or the kinds tried with what each expects.
     */
    private ReleaseKind recognise(FileHead head) throws IngestException {
        for (ReleaseKind kind : kinds) {
            if (kind.recognises(head)) {
                return kind;
            }
        }
        for (FileHead.SheetHead sheet : head.sheets()) {
            if (sheet.failure() != null) {
                throw new IngestException(sheet.failure().getMessage(), sheet.failure());
            }
        }
        FileHead.SheetHead widestSheet = null;
        SourceRow widest = null;
        for (FileHead.SheetHead sheet : head.sheets()) {
            for (SourceRow row : sheet.rows()) {
                if (widest == null || row.cells().length > widest.cells().length) {
                    widest = row;
                    widestSheet = sheet;
                }
            }
        }
        if (widest == null) {
            throw new IngestException(head.fileName() + ": no sheet holds any row; nothing was loaded");
        }
        String sheets = head.sheets().size() == 1 ? "" : " of any of its sheets ("
                + head.sheets().stream().map(sheet -> "'" + sheet.sheet() + "'").collect(Collectors.joining(", "))
                + ")";
        List<String> tried = new ArrayList<>();
        for (ReleaseKind kind : kinds) {
            tried.add(kind.name() + " (" + kind.expectedHeader() + ")");
        }
        throw new UnknownLayoutException(head.fileName() + ", sheet '" + widestSheet.sheet() + "': no header row"
                + " found in the first " + HeaderDetector.MAX_LEADING_ROWS + " rows" + sheets + " for any kind of"
                + " release. The widest row, row " + widest.rowNumber() + ", has the headers "
                + List.of(widest.cells()) + ". Kinds tried: " + String.join("; ", tried) + ". For another"
                + " detainer layout, supply a mapping file (--mapping FILE; see docs/data-dictionary.md).", null);
    }
}
