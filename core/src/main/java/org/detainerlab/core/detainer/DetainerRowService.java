package org.detainerlab.core.detainer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.detainerlab.core.common.Csv;
import org.detainerlab.core.detainer.SqlWhere.Source;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Detainer rows: pages with a keyset cursor, and exports of the whole filtered set streamed from a server-side
 * cursor (constant memory whatever the size) as CSV or JSON.
 */
@ApplicationScoped
public class DetainerRowService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final int FETCH_SIZE = 2_000;

    private static final Set<String> PAGE_PARAMETERS;
    private static final Set<String> EXPORT_PARAMETERS;

    static {
        Set<String> export = new HashSet<>(DetainerFilter.PARAMETERS);
        export.addAll(Set.of("fields", "sort"));
        EXPORT_PARAMETERS = Set.copyOf(export);
        export.addAll(Set.of("cursor", "limit"));
        PAGE_PARAMETERS = Set.copyOf(export);
    }

    private final AgroalDataSource dataSource;
    private final SnapshotSource snapshots;
    private final ObjectMapper json;
    private final String version;

    public DetainerRowService(AgroalDataSource dataSource, SnapshotSource snapshots, ObjectMapper json,
                              @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.json = json;
        this.version = version;
    }

    /** What a row query is, resolved: which rows, which fields, in which order. */
    private record RowQuery(DetainerFilter filter, List<DetainerField> fields, RowSort sort, Provenance provenance) {
    }

    public DetainerPage page(QueryParameters q) {
        q.requireKnown(PAGE_PARAMETERS);
        RowQuery query = query(q, "/api/v1/detainers?");
        String cursorText = q.text("cursor");
        RowCursor cursor = cursorText == null ? null : RowCursor.decode(cursorText, query.sort());
        Integer asked = q.integer("limit", 1, MAX_LIMIT);
        int limit = asked == null ? DEFAULT_LIMIT : asked;

        SqlWhere where = SqlWhere.of(query.filter(), Source.ROWS);
        if (cursor != null) {
            where.and(query.sort().after(), query.sort().afterValues(cursor));
        }
        String sql = select(query.fields(), where) + " order by " + query.sort().orderBy + " limit " + (limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        RowCursor last = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            where.bind(connection, statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                boolean more = false;
                while (rs.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    Map<String, Object> item = new LinkedHashMap<>();
                    for (int i = 0; i < query.fields().size(); i++) {
                        item.put(query.fields().get(i).json, value(rs, i + 1));
                    }
                    items.add(item);
                    last = new RowCursor(query.sort(), rs.getObject(sortDateColumn(query.fields()), java.time.LocalDate.class),
                            rs.getLong(1), rs.getInt(3), rs.getString(2));
                }
                return new DetainerPage(items, more ? last.encode() : null, limit, query.provenance());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The detainer query failed: " + e.getMessage(), e);
        }
    }

    /** The whole filtered set, to be written by {@link Export#writeCsv} or {@link Export#writeJson}. */
    public Export export(QueryParameters q, String path) {
        q.requireKnown(EXPORT_PARAMETERS);
        return new Export(query(q, path + "?"));
    }

    /** An export ready to stream; its provenance is known before the first row is written. */
    public final class Export {
        private final RowQuery query;

        private Export(RowQuery query) {
            this.query = query;
        }

        public Provenance provenance() {
            return query.provenance();
        }

        public void writeCsv(OutputStream out) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            stream(rs -> {
                if (rs == null) {
                    writer.write(Csv.line(query.fields().stream().map(f -> f.json).toList()));
                    return;
                }
                StringBuilder line = new StringBuilder(256);
                for (int i = 0; i < query.fields().size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object value = value(rs, i + 1);
                    Csv.append(line, value instanceof List<?> list ? String.join(";", list.stream()
                            .map(String::valueOf).toList()) : value);
                }
                writer.write(line.append("\r\n").toString());
            });
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The client stopped reading the export", e);
            }
        }

        public void writeJson(OutputStream out) {
            // flushing after every value would send each cell as its own HTTP chunk, which compresses poorly
            ObjectWriter values = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeFieldName("provenance");
                values.writeValue(generator, query.provenance());
                generator.writeArrayFieldStart("items");
                stream(rs -> {
                    if (rs == null) {
                        return;
                    }
                    generator.writeStartObject();
                    for (int i = 0; i < query.fields().size(); i++) {
                        generator.writeFieldName(query.fields().get(i).json);
                        values.writeValue(generator, value(rs, i + 1));
                    }
                    generator.writeEndObject();
                });
                generator.writeEndArray();
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Calls {@code each} once with null (before the first row), then once per row. */
        private void stream(RowConsumer each) {
            SqlWhere where = SqlWhere.of(query.filter(), Source.ROWS);
            String sql = select(query.fields(), where) + " order by " + query.sort().orderBy;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setFetchSize(FETCH_SIZE);
                    where.bind(connection, statement, 1);
                    each.accept(null);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            each.accept(rs);
                        }
                    }
                } finally {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The detainer export failed: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("The client stopped reading the export", e);
            }
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException, IOException;
    }

    private RowQuery query(QueryParameters q, String path) {
        Snapshot snapshot = snapshots.current();
        DetainerFilter filter = DetainerFilters.parse(q, snapshot);
        List<DetainerField> fields = DetainerField.parse(q.values("fields"));
        RowSort sort = RowSort.of(q.single("sort"));
        StringBuilder canonical = new StringBuilder(path).append(filter.canonical());
        if (fields.size() < DetainerField.values().length) {
            canonical.append("&fields=").append(String.join(",", fields.stream().map(f -> f.json).toList()));
        }
        if (sort != RowSort.SOURCE) {
            canonical.append("&sort=").append(sort.parameter());
        }
        List<String> notes = new ArrayList<>();
        if (filter.releases().isEmpty()) {
            notes.add(filter.readsSeries() ? "No loaded detainer release covers the states and days asked about."
                    : "No detainer release is loaded.");
        }
        Provenance provenance = Provenance.of(filter, snapshot, canonical.toString(), "detainer", version,
                OffsetDateTime.now(ZoneOffset.UTC), notes);
        return new RowQuery(filter, fields, sort, provenance);
    }

    /**
     * The select with the sort columns first (release, sheet, row, prepare date) so the cursor can be read
     * whatever fields were chosen; the requested fields follow, from column 1 in the caller's numbering.
     */
    private static String select(List<DetainerField> fields, SqlWhere where) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(fields.get(i).sql);
        }
        sql.append(", d.prepare_date as sort_date from detainer d")
                .append(" left join place p on p.id = d.place_id")
                .append(" left join facility f on f.id = ").append(RowFacility.ID)
                .append(" left join jurisdiction s on s.id = d.state_id")
                .append(" left join jurisdiction c on c.id = p.county_id")
                .append(" where ").append(where.sql());
        return sql.toString();
    }

    private static int sortDateColumn(List<DetainerField> fields) {
        return fields.size() + 1;
    }

    private static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Array array) {
            return List.of((Object[]) array.getArray());
        }
        return value;
    }
}
