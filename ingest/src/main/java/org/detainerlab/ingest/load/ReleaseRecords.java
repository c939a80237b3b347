package org.detainerlab.ingest.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static long sizeOf(Path file) throws IngestException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IngestException(file.getFileName() + ": cannot read its size: " + e.getMessage(), e);
        }
    }
}
