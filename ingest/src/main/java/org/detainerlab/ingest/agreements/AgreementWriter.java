package org.detainerlab.ingest.agreements;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Inserts agreements in JDBC batches: the lists hold a few thousand rows at most, so a batch insert is as fast as
 * COPY here and keeps the foreign keys and checks of {@code agreement_287g} in force row by row.
 */
final class AgreementWriter implements AutoCloseable {

    static final int BATCH_SIZE = 500;

    private final PreparedStatement insert;
    private final long releaseId;
    private int pending;

    AgreementWriter(Connection connection, long releaseId) throws SQLException {
        this.insert = connection.prepareStatement("insert into agreement_287g (release_id, source_sheet, source_row,"
                + " list_status, state_raw, state_id, agency, agency_raw, agency_type, county_raw, model, model_raw,"
                + " signed_on, signed_raw, moa_url, addendum_raw, addendum_url)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.releaseId = releaseId;
    }

    void add(AgreementRow row) throws SQLException {
        insert.setLong(1, releaseId);
        insert.setString(2, row.sheet());
        insert.setInt(3, row.row());
        insert.setString(4, row.status().name());
        insert.setString(5, row.stateRaw());
        if (row.stateId() == null) {
            insert.setNull(6, Types.BIGINT);
        } else {
            insert.setLong(6, row.stateId());
        }
        insert.setString(7, row.agency());
        insert.setString(8, row.agencyRaw());
        insert.setString(9, row.agencyType());
        insert.setString(10, row.countyRaw());
        insert.setString(11, row.model() == null ? null : row.model().name());
        insert.setString(12, row.modelRaw());
        insert.setDate(13, row.signedOn() == null ? null : Date.valueOf(row.signedOn()));
        insert.setString(14, row.signedRaw());
        insert.setString(15, row.moaUrl());
        insert.setString(16, row.addendumRaw());
        insert.setString(17, row.addendumUrl());
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
            flush();
        }
    }

    /** Sends the rows not yet sent. */
    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Releases the statement; rows added since the last {@link #flush} are dropped, as a failed load wants. */
    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
