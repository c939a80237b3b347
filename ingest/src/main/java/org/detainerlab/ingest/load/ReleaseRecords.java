package org.detainerlab.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;

/** The {@code data_release} row that every loader writes, whatever the release holds. */
public final class ReleaseRecords {

    private ReleaseRecords() {
    }

    /** A release id taken before the row exists, so that rows can be written first. */
    public static long nextId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet id = statement.executeQuery("select nextval(pg_get_serial_sequence('data_release', 'id'))")) {
            id.next();
            return id.getLong(1);
        }
    }

    /** Writes the release row with status LOADING; the title defaults to the file name. */
    public static void insert(Connection connection, long releaseId, String kind, Path file, String sha256,
                              IngestRequest request) throws SQLException, IngestException {
        SourceMetadata meta = request.metadata();
        String fileName = file.getFileName().toString();
        try (PreparedStatement insert = connection.prepareStatement("insert into data_release (id, kind, title,"
                + " publisher, foia_number, source_url, licence, retrieved_on, file_name, file_size, sha256, status,"
                + " created_by) overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'LOADING', ?)")) {
            insert.setLong(1, releaseId);
            insert.setString(2, kind);
            insert.setString(3, meta.title() == null || meta.title().isBlank() ? fileName : meta.title().strip());
            insert.setString(4, meta.publisher());
            insert.setString(5, meta.foiaNumber());
            insert.setString(6, meta.sourceUrl());
            insert.setString(7, meta.licence());
            insert.setObject(8, meta.retrievedOn());
            insert.setString(9, fileName);
            insert.setLong(10, sizeOf(file));
            insert.setString(11, sha256);
            insert.setString(12, request.requestedBy());
            insert.executeUpdate();
        }
    }

    /**
     * The loaded release with this sha256, if any. A file loaded as another kind of release cannot become this
     * kind: that is refused rather than reported as this loader's release.
     */
    public static Optional<IngestResult> existing(Connection connection, String sha256, String kind, String fileName)
            throws SQLException, IngestException {
        try (PreparedStatement query = connection.prepareStatement("select id, profile, rows_read, rows_loaded,"
                + " rows_rejected, likely_duplicates, coverage_from, coverage_to, kind from data_release"
                + " where sha256 = ? and status = 'LOADED'")) {
            query.setString(1, sha256);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                if (!kind.equals(rows.getString(9))) {
                    throw new IngestException(fileName + ": this file is already loaded as release " + rows.getLong(1)
                            + " of kind " + rows.getString(9) + ", not as " + describe(kind));
                }
                return Optional.of(new IngestResult(rows.getLong(1), true, sha256, rows.getString(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getObject(7, LocalDate.class),
                        rows.getObject(8, LocalDate.class), null));
            }
        }
    }

    /** Completes the release row: status LOADED, the profile, coverage, counts and the report (JSON text). */
    public static void markLoaded(Connection connection, long releaseId, String profile, LocalDate from, LocalDate to,
                                  long read, long loaded, long rejected, long likelyDuplicates, String reportJson)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update data_release set status = 'LOADED',"
                + " profile = ?, coverage_from = ?, coverage_to = ?, rows_read = ?, rows_loaded = ?, rows_rejected = ?,"
                + " likely_duplicates = ?, report = cast(? as jsonb) where id = ?")) {
            update.setString(1, profile);
            update.setObject(2, from == null ? null : Date.valueOf(from));
            update.setObject(3, to == null ? null : Date.valueOf(to));
            update.setLong(4, read);
            update.setLong(5, loaded);
            update.setLong(6, rejected);
            update.setLong(7, likelyDuplicates);
            update.setString(8, reportJson);
            update.setLong(9, releaseId);
            update.executeUpdate();
        }
    }

    /**
     * Proposes the release's geographic scope for the release series: when every row names one and the same state,
     * the release covers that state only; otherwise it stays national. Read from the state rollup, which the load
     * has just written, so it costs no pass over the rows. Admins change it later.
     */
    public static void proposeScope(Connection connection, long releaseId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update data_release r"
                + " set scope_state_ids = array[s.state_id] from (select min(state_id) as state_id"
                + " from detainer_rollup_state where release_id = ? having count(distinct state_id) = 1"
                + " and bool_and(state_id is not null)) s where r.id = ?")) {
            update.setLong(1, releaseId);
            update.setLong(2, releaseId);
            update.executeUpdate();
        }
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "AGREEMENTS_287G" -> "a 287(g) agreement list";
            case "AREAS_OF_RESPONSIBILITY" -> "a list of ICE areas of responsibility";
            default -> "a detainer release";
        };
    }

    private static long sizeOf(Path file) throws IngestException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IngestException(file.getFileName() + ": cannot read its size: " + e.getMessage(), e);
        }
    }
}
