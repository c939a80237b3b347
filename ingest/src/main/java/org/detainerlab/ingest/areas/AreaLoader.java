package org.detainerlab.ingest.areas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.jurisdiction.PlaceNames;
import org.detainerlab.ingest.load.FileHead;
import org.detainerlab.ingest.load.IngestException;
import org.detainerlab.ingest.load.IngestRequest;
import org.detainerlab.ingest.load.IngestResult;
import org.detainerlab.ingest.load.ProgressListener;
import org.detainerlab.ingest.load.ReleaseKind;
import org.detainerlab.ingest.load.ReleaseLoader;
import org.detainerlab.ingest.load.ReleaseRecords;
import org.detainerlab.ingest.normalise.ReferenceData;
import org.detainerlab.ingest.read.SpreadsheetSource;
import org.detainerlab.ingest.report.ReleaseReport;
import org.detainerlab.ingest.report.ValidationReport;

/**
 * Loads ICE's list of areas of responsibility (field office to state, and to county where a state is split) as one
 * release of kind {@code AREAS_OF_RESPONSIBILITY}, all or nothing, with the contract of {@link ReleaseLoader}.
 * States resolve as in detainer releases; counties against the county seed of that state. A name that resolves to
 * nothing is loaded with a null link and listed in the release's report. As a {@link ReleaseKind} it recognises
 * the list by its first line, which the csv reader refuses (a space before each quoted field), and reads the file
 * with a reader of its own.
 */
public final class AreaLoader implements ReleaseKind {

    public static final String KIND = "AREAS_OF_RESPONSIBILITY";
    public static final String PROFILE = "ice-areas-of-responsibility";
    private static final List<String> LONG_NAME_PREFIXES = List.of("United States ", "Commonwealth of the ");

    private final ReleaseLoader.ConnectionSource connections;
    private final ObjectMapper json = new ObjectMapper();

    public AreaLoader(ReleaseLoader.ConnectionSource connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "areas of responsibility";
    }

    @Override
    public String expectedHeader() {
        return "the first line \"" + String.join("\", \"", AreaList.HEADER) + "\"";
    }

    /** Whether the file starts with the AOR header ({@code "office_name", "state_name", "county_name", "notes"}). */
    @Override
    public boolean recognises(FileHead head) {
        return head.firstLine() != null && AreaList.isHeader(head.firstLine());
    }

    /** Reads the file with the list's own reader: the csv reader that opened {@code source} refuses its lines. */
    @Override
    public IngestResult ingest(Path file, SpreadsheetSource source, IngestRequest request, ProgressListener progress)
            throws IngestException {
        return ingest(file, request, progress);
    }

    public IngestResult ingest(Path file, IngestRequest request, ProgressListener progress) throws IngestException {
        String fileName = file.getFileName().toString();
        String sha256 = ReleaseLoader.sha256(file);
        List<AreaList.Row> rows;
        try {
            rows = AreaList.rows(file);
        } catch (IOException e) {
            throw new IngestException(fileName + ": reading failed: " + e.getMessage(), e);
        }
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                Optional<IngestResult> existing = ReleaseRecords.existing(connection, sha256, KIND, fileName);
                if (existing.isPresent()) {
                    connection.rollback();
                    return existing.get();
                }
                IngestResult result = load(connection, file, sha256, request, rows);
                connection.commit();
                progress.progress("done", rows.size());
                return result;
            } catch (IngestException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IngestException(fileName + ": the database refused the load: " + e.getMessage(), e);
        }
    }

    private IngestResult load(Connection connection, Path file, String sha256, IngestRequest request,
                              List<AreaList.Row> rows) throws SQLException, IngestException {
        ReferenceData states = ReferenceData.load(connection);
        Map<String, Long> counties = counties(connection);
        long releaseId = ReleaseRecords.nextId(connection);
        ReleaseRecords.insert(connection, releaseId, KIND, file, sha256, request);
        ValidationReport counts = new ValidationReport();
        Set<String> unresolvedStates = new LinkedHashSet<>();
        Set<String> unresolvedCounties = new LinkedHashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into ice_area_of_responsibility"
                + " (release_id, source_row, office, state_raw, state_id, county_raw, county_id, notes)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AreaList.Row row : rows) {
                counts.rowRead();
                Long state = state(states, row.state());
                String county = row.county().isBlank() ? null : row.county();
                Long countyId = state == null || county == null ? null
                        : counties.get(state + "|" + PlaceNames.countyKey(county));
                if (state == null) {
                    unresolvedStates.add(row.state());
                }
                if (county != null && countyId == null) {
                    unresolvedCounties.add(row.state() + ": " + county);
                }
                insert.setLong(1, releaseId);
                insert.setInt(2, row.line());
                insert.setString(3, row.office().strip());
                insert.setString(4, row.state());
                setLong(insert, 5, state);
                insert.setString(6, county);
                setLong(insert, 7, countyId);
                insert.setString(8, row.notes().isBlank() ? null : row.notes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (rows.isEmpty()) {
            throw new IngestException(file.getFileName() + ": the list has a header and no rows; nothing was loaded");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("layout", PROFILE);
        report.put("rowsRead", counts.rowsRead());
        report.put("rowsLoaded", counts.rowsLoaded());
        report.put("unresolvedStates", List.copyOf(unresolvedStates));
        report.put("unresolvedCounties", List.copyOf(unresolvedCounties));
        try {
            ReleaseRecords.markLoaded(connection, releaseId, PROFILE, null, null, counts.rowsRead(), counts.rowsLoaded(),
                    0, 0, json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IngestException("could not write the report: " + e.getOriginalMessage(), e);
        }
        return new IngestResult(releaseId, false, sha256, PROFILE, counts.rowsRead(), counts.rowsLoaded(), 0, 0, null,
                null, new ReleaseReport(List.of(), report));
    }

    /** The list writes some territories by their long names ("United States Virgin Islands"). */
    private static Long state(ReferenceData states, String raw) {
        Long id = states.state(raw);
        for (String prefix : LONG_NAME_PREFIXES) {
            if (id == null && raw.startsWith(prefix)) {
                id = states.state(raw.substring(prefix.length()));
            }
        }
        return id;
    }

    /** County ids by state id and {@link PlaceNames#countyKey}; a county wins over an independent city's name. */
    private static Map<String, Long> counties(Connection connection) throws SQLException {
        Map<String, Long> counties = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, parent_id, name from jurisdiction where kind = 'COUNTY'"
                     + " order by name like '%(city)', id")) {
            while (rows.next()) {
                counties.putIfAbsent(rows.getLong(2) + "|" + PlaceNames.countyKey(rows.getString(3)), rows.getLong(1));
            }
        }
        return counties;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
