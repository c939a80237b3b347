package org.detainerlab.ingest.load;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.detainerlab.core.place.CountyShapes;
import org.detainerlab.core.place.FacilityReference;
import org.detainerlab.core.place.Gazetteer;
import org.detainerlab.core.place.PlaceResolutions;
import org.detainerlab.core.release.DataRelease;
import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.map.HeaderDetector;
import org.detainerlab.ingest.map.Profile;
import org.detainerlab.ingest.map.Profiles;
import org.detainerlab.ingest.map.SheetLayout;
import org.detainerlab.ingest.normalise.NormalisedRow;
import org.detainerlab.ingest.normalise.ReferenceData;
import org.detainerlab.ingest.normalise.RowNormaliser;
import org.detainerlab.ingest.read.ReadLimits;
import org.detainerlab.ingest.read.RowIterator;
import org.detainerlab.ingest.read.SourceFormatException;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.report.ReleaseReport;
import org.detainerlab.ingest.report.Rule;
import org.detainerlab.ingest.report.ValidationReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads one source file as one data release, all or nothing: the release row, every detainer row (through
 * PostgreSQL COPY), the likely-duplicate flags, counts, coverage and report are written in one transaction, so
 * a failure or a killed process leaves no trace of the release. A file whose sha256 is already loaded changes
 * nothing and the existing release is reported. As the {@link ReleaseKind} of detainer releases it recognises a
 * header of any built-in profile.
 */
public final class ReleaseLoader implements ReleaseKind {

    /** The kind of release this loader writes. */
    public static final String KIND = "DETAINERS";

    /** How often progress is reported, in rows. */
    public static final int PROGRESS_EVERY = 10_000;

    private static final String COLUMNS = "(release_id, source_sheet, source_row, prepare_date, detainer_type,"
            + " facility_raw, facility_id, state_raw, state_id, city_raw, lift_reason_raw, outcome, aor, facility_code,"
            + " criminality, threat_level, lift_reason_code, gender, citizenship_country, birth_year, msc_charge,"
            + " msc_charge_code, final_order, notify_release_request, anonymized_id, likely_duplicate, redacted, place_id)";

    /** Opens a connection to the platform's database; the loader closes it. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final ReadLimits limits;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ReleaseLoader(ConnectionSource connections, ReadLimits limits, Clock clock) {
        this.connections = connections;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "detainers";
    }

    @Override
    public String expectedHeader() {
        return HeaderDetector.expected(Profiles.BUILT_IN);
    }

    @Override
    public boolean recognises(FileHead head) {
        return head.anyRow(row -> HeaderDetector.isHeader(row, Profiles.BUILT_IN));
    }

    /** Opens the file and loads it as a detainer release (the request's profile, or the one its header matches). */
    public IngestResult ingest(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        return ReleaseKind.openAndIngest(this, file, limits, request, progress);
    }

    @Override
    public IngestResult ingest(Path file, SpreadsheetSource source, IngestRequest request, ProgressListener progress)
            throws IngestException {
        String fileName = file.getFileName().toString();
        Fingerprint fingerprint = Fingerprint.start(file);
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                IngestResult result = load(connection, file, source, fingerprint, request, progress);
                connection.commit();
                return result;
            } catch (AlreadyLoaded e) {
                connection.rollback();
                return e.existing;
            } catch (IngestException | RuntimeException e) {
                connection.rollback();
                throw e;
            } catch (SQLException e) {
                connection.rollback();
                if ("23505".equals(e.getSQLState())) {
                    Optional<IngestResult> raced =
                            ReleaseRecords.existing(connection, fingerprint.value(), KIND, fileName);
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

    /** The file was loaded before: the load stops, rolls back, and reports the existing release. */
    private static final class AlreadyLoaded extends Exception {
        private final IngestResult existing;

        AlreadyLoaded(IngestResult existing) {
            super(null, null, false, false);
            this.existing = existing;
        }
    }

    private IngestResult load(Connection connection, Path file, SpreadsheetSource source, Fingerprint fingerprint,
                              IngestRequest request, ProgressListener progress)
            throws SQLException, IngestException, AlreadyLoaded {
        String fileName = file.getFileName().toString();
        // The place resolution at the end needs reference data that takes a JVM's first load about half a second
        // to read; reading it while the rows are read takes it off the load's serial tail.
        CompletableFuture<FacilityReference> facilities = CompletableFuture.supplyAsync(() -> {
            Gazetteer.get();
            CountyShapes.get();
            return FacilityReference.load(FacilityReference.dataDir());
        });
        ValidationReport report = new ValidationReport();
        RowNormaliser normaliser = new RowNormaliser(ReferenceData.load(connection), report, LocalDate.now(clock));
        PlaceIds places = PlaceIds.load(connection);
        long releaseId = ReleaseRecords.nextId(connection);
        String partition = createPartition(connection, releaseId);
        boolean fingerprintChecked = false;
        List<Profile> candidates = request.profile() == null ? Profiles.BUILT_IN : List.of(request.profile());

        NormalisedRow row = new NormalisedRow();
        RollupCounter rollup = new RollupCounter();
        LocalDate from = null;
        LocalDate to = null;
        Profile used = null;
        List<String> sheetsWithHeader = new ArrayList<>();
        String releaseIdText = Long.toString(releaseId);
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy " + partition + " " + COLUMNS + " from stdin with (freeze)", 1 << 16);
        CopyWriter writer = new CopyWriter(copy);
        boolean copied = false;
        try {
            for (String sheet : source.sheets()) {
                try (RowIterator rows = source.rows(sheet)) {
                    SheetLayout layout;
                    try {
                        layout = HeaderDetector.detect(fileName, sheet, rows, candidates);
                    } catch (SourceFormatException e) {
                        throw new UnknownLayoutException(e.getMessage(), e);
                    }
                    if (layout == null) {
                        continue;
                    }
                    if (used != null && !used.name().equals(layout.profile().name())) {
                        throw new IngestException(fileName + ", sheet '" + sheet + "': its header is the "
                                + layout.profile().name() + " layout, but earlier sheets are " + used.name()
                                + "; one release has one layout (use --profile to choose)");
                    }
                    used = layout.profile();
                    sheetsWithHeader.add(sheet);
                    rows.readOnly(layout.mappedColumns());
                    progress.progress("reading sheet " + sheet, report.rowsRead());
                    for (SourceRow sourceRow = rows.next(); sourceRow != null; sourceRow = rows.next()) {
                        if (normaliser.normalise(sourceRow, layout, row)) {
                            long placeId = places.idOf(row);
                            write(writer, releaseIdText, row, placeId);
                            rollup.add(row, placeId);
                            LocalDate date = row.prepareDate();
                            if (date != null) {
                                from = from == null || date.isBefore(from) ? date : from;
                                to = to == null || date.isAfter(to) ? date : to;
                            }
                        }
                        if (report.rowsRead() % PROGRESS_EVERY == 0) {
                            progress.progress("reading sheet " + sheet, report.rowsRead());
                            if (!fingerprintChecked && fingerprint.isDone()) {
                                // This connection is busy with COPY: ask on another one, and stop early if it was loaded.
                                fingerprintChecked = true;
                                try (Connection other = connections.open()) {
                                    Optional<IngestResult> loadedBefore =
                                            ReleaseRecords.existing(other, fingerprint.value(), KIND, fileName);
                                    if (loadedBefore.isPresent()) {
                                        throw new AlreadyLoaded(loadedBefore.get());
                                    }
                                }
                            }
                            if (Thread.currentThread().isInterrupted()) {
                                throw new IngestException(fileName + ": interrupted after " + report.rowsRead()
                                        + " rows; nothing was loaded");
                            }
                        }
                    }
                    report.formulaCells(rows.formulaCells());
                }
            }
            writer.close();
            copied = true;
        } catch (SourceFormatException e) {
            throw new IngestException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(fileName + ": reading failed: " + e.getMessage(), e);
        } finally {
            if (!copied) {
                writer.abandon();
                cancel(copy);
            }
        }
        String sha256 = fingerprint.value();
        Optional<IngestResult> loadedBefore = ReleaseRecords.existing(connection, sha256, KIND, fileName);
        if (loadedBefore.isPresent()) {
            throw new AlreadyLoaded(loadedBefore.get());
        }
        if (used == null) {
            throw new IngestException(fileName + ": no sheet holds any row; nothing was loaded");
        }
        if (report.rowsRead() == 0) {
            throw new IngestException(fileName + ", sheet" + (sheetsWithHeader.size() == 1 ? " '" : "s '")
                    + String.join("', '", sheetsWithHeader) + "': the header is there but no data row follows it;"
                    + " an empty release would appear in the provenance of every answer, so nothing was loaded");
        }
        if (report.exceeds(request.thresholds().stopShare())) {
            throw new IngestException(String.format("%s: %,d of %,d rows (%.2f%%) were rejected, above the stop threshold"
                            + " of %.2f%%; nothing was loaded.%s", fileName, report.rowsRejected(), report.rowsRead(),
                    100.0 * report.rowsRejected() / report.rowsRead(), 100 * request.thresholds().stopShare(),
                    report.describeRejections()));
        }
        progress.progress("indexing", report.rowsRead());
        ReleaseRecords.insert(connection, releaseId, KIND, file, sha256, request);
        places.insertNew(connection);
        attach(connection, partition, releaseId);
        progress.progress("counting", report.rowsRead());
        rollup.write(connection, releaseId);
        ReleaseRecords.proposeScope(connection, releaseId);
        Map<String, Object> document = report.toMap(request.thresholds());
        finish(connection, releaseId, used, report, document, from, to);
        progress.progress("resolving places", report.rowsRead());
        PlaceResolutions.resolveNew(connection, referenceOf(facilities));
        progress.progress("done", report.rowsRead());
        return new IngestResult(releaseId, false, sha256, used.name(), report.rowsRead(), report.rowsLoaded(),
                report.rowsRejected(), report.count(Rule.LIKELY_DUPLICATE), from, to,
                new ReleaseReport(report.rules(), document));
    }

    private static FacilityReference referenceOf(CompletableFuture<FacilityReference> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void write(CopyWriter writer, String releaseId, NormalisedRow row, long placeId) throws IOException {
        writer.raw(releaseId).text(row.sheet()).number(row.row()).date(row.prepareDate())
                .text(row.text(Field.DETAINER_TYPE))
                .text(row.text(Field.FACILITY)).number(row.facilityId())
                .text(row.text(Field.STATE)).number(row.stateId())
                .text(row.text(Field.CITY))
                .text(row.text(Field.LIFT_REASON)).raw(row.outcome().name())
                .text(row.text(Field.AOR)).text(row.text(Field.FACILITY_CODE))
                .text(row.text(Field.CRIMINALITY)).text(row.text(Field.THREAT_LEVEL))
                .text(row.text(Field.LIFT_REASON_CODE)).text(row.text(Field.GENDER))
                .text(row.text(Field.CITIZENSHIP_COUNTRY))
                .number(row.birthYear() < 0 ? null : (long) row.birthYear())
                .text(row.text(Field.MSC_CHARGE)).text(row.text(Field.MSC_CHARGE_CODE))
                .flag(row.finalOrder()).flag(row.notifyReleaseRequest())
                .text(row.text(Field.ANONYMIZED_ID))
                .raw(row.likelyDuplicate() ? "t" : "f")
                .raw(redacted(row))
                .number(placeId);
        writer.endRow();
    }

    private static String redacted(NormalisedRow row) {
        if (!row.anyRedacted()) {
            return "{}";
        }
        List<String> keys = new ArrayList<>();
        for (Field field : Field.values()) {
            if (row.isRedacted(field)) {
                keys.add(field.key());
            }
        }
        return "{" + String.join(",", keys) + "}";
    }


    /**
     * A table of the detainer table's shape for this release alone, without indexes or foreign keys, so that COPY
     * fills it at full speed. Its check constraint lets the later attach skip a scan.
     */
    private static String createPartition(Connection connection, long releaseId) throws SQLException {
        String partition = DataRelease.partitionTable(releaseId);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + partition + " (like detainer including defaults including constraints)");
            statement.execute("alter table " + partition + " add constraint " + partition + "_release check (release_id = "
                    + releaseId + ")");
        }
        return partition;
    }

    /** Makes the release's rows part of {@code detainer}: PostgreSQL builds the indexes and checks the keys in bulk. */
    private static void attach(Connection connection, String partition, long releaseId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table detainer attach partition " + partition + " for values in (" + releaseId + ")");
            statement.execute("analyze " + partition);
        }
    }

    private void finish(Connection connection, long releaseId, Profile profile, ValidationReport report,
                        Map<String, Object> document, LocalDate from, LocalDate to)
            throws SQLException, IngestException {
        try {
            ReleaseRecords.markLoaded(connection, releaseId, profile.name(), from, to, report.rowsRead(),
                    report.rowsLoaded(), report.rowsRejected(), report.count(Rule.LIKELY_DUPLICATE),
                    json.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IngestException("could not write the validation report: " + e.getOriginalMessage(), e);
        }
    }


    /** Abandons an unfinished COPY so that the connection can roll back; the transaction discards its rows anyway. */
    static void cancel(PGCopyOutputStream copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the rollback that follows discards everything
        }
    }


    /** The file's SHA-256 as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IngestException {
        try {
            return Fingerprint.sha256(file);
        } catch (IOException e) {
            throw new IngestException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
