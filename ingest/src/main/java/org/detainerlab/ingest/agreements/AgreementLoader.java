package org.detainerlab.ingest.agreements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.ingest.load.FileHead;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseKind;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.ReleaseRecords;
import org.detainerlab.ingest.normalise.ReferenceData;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.read.Spreadsheets;
import org.detainerlab.ingest.read.xlsx.Hyperlinks;
import org.detainerlab.ingest.read.xlsx.XlsxSource;
import org.detainerlab.ingest.report.ReleaseReport;

/**
 * Loads one of ICE's published 287(g) agreement lists (participating or pending agencies) as one data release of
 * kind {@code AGREEMENTS_287G}, all or nothing, with the contract of {@link ReleaseLoader}: the release row and
 * every agreement are written in one transaction, so a failure leaves no trace; a file whose sha256 is already
 * loaded changes nothing and the existing release is reported.
 *
 * <p>The layout is recognised from the header row (within the first rows of each sheet): the participating list
 * of 2025-12-31 ({@code STATE | LAW ENFORCEMENT AGENCY | TYPE | COUNTY | SUPPORT TYPE | SIGNED | MOA | ADDENDUM}),
 * the older participating list of 2025-01-04 (no TYPE or COUNTY) and the pending list (no SIGNED or MOA). The
 * request's profile is not used. What the list gets wrong (impossible dates, misspelt model, agency and county
 * names, stray spaces, unknown states) is loaded with the published text kept and is listed in the release's
 * report under {@code rules}, as in {@link IngestResult#report()}. As the {@link ReleaseKind} of 287(g) lists it
 * recognises a header that names STATE, LAW ENFORCEMENT AGENCY and SUPPORT TYPE.
 */
public final class AgreementLoader implements ReleaseKind {

    /** The {@code data_release.kind} of the releases this loader writes. */
    public static final String KIND = "AGREEMENTS_287G";

    private final ReleaseLoader.ConnectionSource connections;
    private final ReadLimits limits;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AgreementLoader(ReleaseLoader.ConnectionSource connections, ReadLimits limits, Clock clock) {
        this.connections = connections;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Whether a header row is that of a 287(g) agreement list (it names STATE, LAW ENFORCEMENT AGENCY and SUPPORT
     * TYPE, in any case and spacing), so that a caller can send the file here rather than to the detainer loader.
     * Whether its columns fit a known layout is checked when the file is loaded, with a message that says how.
     */
    public static boolean looksLikeAgreementList(List<String> headerCells) {
        return AgreementHeader.isAgreementHeader(headerCells);
    }

    @Override
    public String name() {
        return "287(g) agreement list";
    }

    @Override
    public String expectedHeader() {
        return AgreementHeader.expected();
    }

    @Override
    public boolean recognises(FileHead head) {
        return head.anyRow(row -> looksLikeAgreementList(List.of(row.cells())));
    }

    /** Opens the file and loads it as a 287(g) list. */
    public IngestResult ingest(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        try (SpreadsheetSource source = Spreadsheets.open(file, limits)) {
            return ingest(file, source, request, progress);
        } catch (SourceFormatException e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(file.getFileName() + ": reading failed: " + e.getMessage(), e);
        }
    }

    @Override
    public IngestResult ingest(Path file, SpreadsheetSource source, IngestRequest request, ProgressListener progress)
            throws IngestException {
        String fileName = file.getFileName().toString();
        progress.progress("fingerprinting", 0);
        String sha256 = ReleaseLoader.sha256(file);
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            Optional<IngestResult> existing = ReleaseRecords.existing(connection, sha256, KIND, fileName);
            if (existing.isPresent()) {
                connection.rollback();
                return existing.get();
            }
            try {
                IngestResult result = load(connection, file, source, sha256, request, progress);
                connection.commit();
                return result;
            } catch (IngestException | RuntimeException e) {
                connection.rollback();
                throw e;
            } catch (SQLException e) {
                connection.rollback();
                if ("23505".equals(e.getSQLState())) {
                    Optional<IngestResult> raced = ReleaseRecords.existing(connection, sha256, KIND, fileName);
                    if (raced.isPresent()) {
                        return raced.get();
                    }
                }
                throw new IngestException(fileName + ": the database refused the load: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IngestException(fileName + ": cannot use the database: " + e.getMessage(), e);
        }
    }

    private IngestResult load(Connection connection, Path file, SpreadsheetSource source, String sha256,
                              IngestRequest request, ProgressListener progress) throws SQLException, IngestException {
        String fileName = file.getFileName().toString();
        AgreementReport report = new AgreementReport();
        ReferenceData states = ReferenceData.load(connection);
        LocalDate today = LocalDate.now(clock);
        long releaseId = ReleaseRecords.nextId(connection);
        ReleaseRecords.insert(connection, releaseId, KIND, file, sha256, request);
        AgreementSheet first = null;
        Set<String> ignoredHeaders = new LinkedHashSet<>();
        LocalDate from = null;
        LocalDate to = null;
        try (AgreementWriter writer = new AgreementWriter(connection, releaseId)) {
            for (String sheet : source.sheets()) {
                try (RowIterator rows = source.rows(sheet)) {
                    AgreementSheet layout = AgreementHeader.detect(fileName, sheet, rows);
                    if (layout == null) {
                        continue;
                    }
                    if (first != null && first.layout() != layout.layout()) {
                        throw new IngestException(fileName + ", sheet '" + sheet + "': its header is the "
                                + layout.layout().profile() + " layout, but sheet '" + first.name() + "' is "
                                + first.layout().profile() + "; one release has one layout (load them as two files)");
                    }
                    first = first == null ? layout : first;
                    ignoredHeaders.addAll(layout.ignoredHeaders());
                    Hyperlinks links = source instanceof XlsxSource xlsx ? xlsx.hyperlinks(sheet) : Hyperlinks.NONE;
                    AgreementNormaliser normaliser = new AgreementNormaliser(layout, states, links, report, today);
                    progress.progress("reading sheet " + sheet, report.rows().rowsRead());
                    for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                        AgreementRow agreement = normaliser.normalise(row);
                        if (agreement != null) {
                            writer.add(agreement);
                            LocalDate signed = agreement.signedOn();
                            if (signed != null) {
                                from = from == null || signed.isBefore(from) ? signed : from;
                                to = to == null || signed.isAfter(to) ? signed : to;
                            }
                        }
                        checkProgress(fileName, sheet, report, progress);
                    }
                    report.rows().formulaCells(rows.formulaCells());
                }
            }
            writer.flush();
        } catch (SourceFormatException e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(fileName + ": reading failed: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new IngestException(fileName + ": no sheet holds any row; nothing was loaded");
        }
        if (report.rows().exceeds(request.thresholds().stopShare())) {
            throw new IngestException(String.format("%s: %,d of %,d rows (%.2f%%) were rejected, above the stop"
                            + " threshold of %.2f%%; nothing was loaded.%s", fileName, report.rows().rowsRejected(),
                    report.rows().rowsRead(), 100.0 * report.rows().rowsRejected() / report.rows().rowsRead(),
                    100 * request.thresholds().stopShare(), report.describeRejections()));
        }
        Map<String, Object> document = report.toMap(request.thresholds(), first.layout().profile(),
                List.copyOf(ignoredHeaders));
        finish(connection, releaseId, first.layout(), report, document, from, to);
        progress.progress("done", report.rows().rowsRead());
        return new IngestResult(releaseId, false, sha256, first.layout().profile(), report.rows().rowsRead(),
                report.rows().rowsLoaded(), report.rows().rowsRejected(), 0, from, to,
                new ReleaseReport(report.rules(), document));
    }

    private static void checkProgress(String fileName, String sheet, AgreementReport report,
                                      ProgressListener progress) throws IngestException {
        long read = report.rows().rowsRead();
        if (read % ReleaseLoader.PROGRESS_EVERY != 0) {
            return;
        }
        progress.progress("reading sheet " + sheet, read);
        if (Thread.currentThread().isInterrupted()) {
            throw new IngestException(fileName + ": interrupted after " + read + " rows; nothing was loaded");
        }
    }


    private void finish(Connection connection, long releaseId, AgreementLayout layout, AgreementReport report,
                        Map<String, Object> document, LocalDate from, LocalDate to)
            throws SQLException, IngestException {
        String reportJson;
        try {
            reportJson = json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IngestException("could not write the validation report: " + e.getOriginalMessage(), e);
        }
        ReleaseRecords.markLoaded(connection, releaseId, layout.profile(), from, to, report.rows().rowsRead(),
                report.rows().rowsLoaded(), report.rows().rowsRejected(), 0, reportJson);
    }

}
