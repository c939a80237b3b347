package org.detainerlab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.detainerlab.core.detainer.Series;
import org.postgresql.PGConnection;

/**
 * The loaded rows as DuckDB sees them: exported from PostgreSQL ({@link ColdQuestions#EXPORT}) to Parquet, with the
 * policy regime's in-force spans beside them as a small table, so that DuckDB answers the API's questions over the
 * same rows and the same policies.
 */
public final class DuckMirror implements AutoCloseable {

    /** A policy in force at one jurisdiction from..to (inclusive); state: the state of a county, or the state. */
    public record Span(String level, String jurisdiction, String state, LocalDate from, LocalDate to) {
    }

    private static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    private final Connection duck;
    private final String table;

    private DuckMirror(Connection duck, String table) {
        this.duck = duck;
        this.table = table;
    }

    /**
     * Writes the rows that {@code condition} selects (a SQL condition on {@code d}, or null for all) to
     * {@code parquet} and opens DuckDB over it with {@code spans}. The CSV on the way is deleted.
     */
    public static DuckMirror export(Connection postgres, String condition, Path parquet, List<Span> spans)
            throws Exception {
        Path csv = parquet.resolveSibling(parquet.getFileName() + ".csv");
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            postgres.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + ColdQuestions.EXPORT
                    + (condition == null ? "" : " where " + condition) + ") to stdout (format csv, header true)", writer);
        }
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duck.createStatement()) {
            Files.deleteIfExists(parquet);
            // the types spelled out, so that a column empty in these rows (say county) is still text
            statement.execute("copy (select * from read_csv('" + csv + "', header = true, columns = {"
                    + "'release_id': 'BIGINT', 'prepare_date': 'DATE', 'state': 'VARCHAR', 'county': 'VARCHAR',"
                    + " 'facility_id': 'BIGINT', 'facility': 'VARCHAR', 'facility_name': 'VARCHAR',"
                    + " 'outcome': 'VARCHAR', 'detainer_type': 'VARCHAR', 'criminality': 'VARCHAR',"
                    + " 'threat_level': 'VARCHAR', 'gender': 'VARCHAR', 'citizenship_country': 'VARCHAR',"
                    + " 'age_band': 'VARCHAR', 'notify_release': 'VARCHAR', 'msc_charge': 'VARCHAR',"
                    + " 'charge_category': 'VARCHAR'})) to '" + parquet + "' (format parquet)");
            statement.execute("create table spans (level varchar, jurisdiction varchar, state varchar,"
                    + " from_day date, to_day date)");
        } catch (SQLException e) {
            duck.close();
            throw e;
        } finally {
            Files.deleteIfExists(csv);
        }
        try (PreparedStatement insert = duck.prepareStatement("insert into spans values (?, ?, ?, ?, ?)")) {
            for (Span span : spans) {
                insert.setString(1, span.level());
                insert.setString(2, span.jurisdiction());
                insert.setString(3, span.state());
                insert.setObject(4, span.from());
                insert.setObject(5, span.to() == null ? OPEN : span.to());
                insert.executeUpdate();
            }
        }
        return new DuckMirror(duck, "read_parquet('" + parquet + "')");
    }

    /** The question's groups (keys as the API spells them) and counts. */
    public Map<List<String>, Long> answer(ColdQuestions.Question question) throws SQLException {
        Map<List<String>, Long> groups = new HashMap<>();
        int keys = question.groupBy().size();
        try (Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery(question.duckSql(table))) {
            while (rs.next()) {
                String[] key = new String[keys];
                for (int i = 0; i < keys; i++) {
                    key[i] = rs.getString(i + 1);
                }
                groups.put(Arrays.asList(key), rs.getLong(keys + 1));
            }
        }
        return groups;
    }

    /**
     * The API's groups in {@code answerJson} (an answer of {@code GET /api/v1/stats/detainers}), keyed as
     * {@link #answer} keys DuckDB's: each key as text in {@code groupBy}'s order, null where the source did not state it.
     */
    public static Map<List<String>, Long> apiGroups(JsonNode answer, List<String> groupBy) {
        Map<List<String>, Long> groups = new HashMap<>();
        for (JsonNode row : answer.path("rows")) {
            String[] key = new String[groupBy.size()];
            for (int i = 0; i < key.length; i++) {
                JsonNode value = row.path("group").path(groupBy.get(i));
                key[i] = value.isNull() || value.isMissingNode() ? null : value.isTextual() ? value.asText()
                        : value.toString();
            }
            groups.put(Arrays.asList(key), row.path("count").asLong());
        }
        return groups;
    }

    /**
     * The rows a question of the release series counts, as a SQL condition on {@code detainer d}: for each release
     * the answer's {@code provenance.series} names, its days and states (by the rows' state; "(no state)" for rows
     * without one). Read from an answer over the whole series, so both sides count exactly the same rows even where
     * releases overlap.
     */
    public static String seriesCondition(Connection postgres, String answerJson) throws Exception {
        Map<String, Long> stateIds = new HashMap<>();
        try (Statement statement = postgres.createStatement();
             ResultSet rs = statement.executeQuery("select code, id from jurisdiction"
                     + " where kind in ('STATE', 'DISTRICT', 'TERRITORY')")) {
            while (rs.next()) {
                stateIds.put(rs.getString(1), rs.getLong(2));
            }
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode use : new ObjectMapper().readTree(answerJson).path("provenance").path("series")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode code : use.path("states")) {
                Long id = code.asText().equals(Series.NO_STATE_CODE) ? Long.valueOf(Series.NO_STATE)
                        : stateIds.get(code.asText());
                if (id == null) {
                    throw new IllegalStateException("The series names state " + code + ", which is not a state here");
                }
                ids.add(id.toString());
            }
            parts.add("(d.release_id = " + use.path("release").asLong() + " and d.prepare_date between date '"
                    + LocalDate.parse(use.path("from").asText()) + "' and date '" + LocalDate.parse(use.path("to").asText())
                    + "' and coalesce(d.state_id, " + Series.NO_STATE + ") in (" + String.join(", ", ids) + "))");
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("The answer names no part of the release series");
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }

    /**
     * What the rows in PostgreSQL hold, for drawing questions: states and counties that have rows, the 200 most
     * frequent published facility names, the detainer types, and the months between the first and last prepare date.
     */
    public static ColdQuestions.Catalog catalog(Connection postgres, String condition, String provision)
            throws SQLException {
        String where = condition == null ? "" : " and " + condition;
        List<String> states = strings(postgres, "select distinct s.code from detainer d join jurisdiction s"
                + " on s.id = d.state_id where true" + where + " order by 1");
        List<String> counties = strings(postgres, "select distinct c.code from detainer d join place p on p.id = d.place_id"
                + " join jurisdiction c on c.id = p.county_id where true" + where + " order by 1");
        List<String> facilities = strings(postgres, "select upper(btrim(d.facility_raw)) from detainer d where"
                + " d.facility_raw is not null and btrim(d.facility_raw) <> ''" + where
                + " group by 1 order by count(*) desc, 1 limit 200");
        List<String> types = strings(postgres, "select distinct d.detainer_type from detainer d where"
                + " d.detainer_type is not null and d.detainer_type not like '%,%'" + where + " order by 1");
        List<String> range = strings(postgres, "select min(d.prepare_date)::text || ' ' || max(d.prepare_date)::text"
                + " from detainer d where true" + where);
        String[] days = range.get(0).split(" ");
        return new ColdQuestions.Catalog(states, counties, facilities, types,
                YearMonth.from(LocalDate.parse(days[0])), YearMonth.from(LocalDate.parse(days[1])), provision);
    }

    /**
     * The spans of the policies an answer's {@code provenance.policies} lists (their jurisdictions' codes and
     * in-force days), placed as the statistics place them: the nation, a state (district, territory) or a county,
     * whose state is its parent; cities and agencies are not attributed.
     */
    public static List<Span> spans(Connection postgres, String answerJson) throws Exception {
        Map<String, String[]> places = new HashMap<>();
        try (Statement statement = postgres.createStatement();
             ResultSet rs = statement.executeQuery("select j.code, j.kind, parent.code from jurisdiction j"
                     + " left join jurisdiction parent on parent.id = j.parent_id")) {
            while (rs.next()) {
                places.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        List<Span> spans = new ArrayList<>();
        JsonNode policies = new ObjectMapper().readTree(answerJson).path("provenance").path("policies");
        for (JsonNode policy : policies) {
            for (JsonNode code : policy.path("jurisdictions")) {
                String[] place = places.get(code.asText());
                if (place == null) {
                    continue;
                }
                String level;
                String state;
                switch (place[0]) {
                    case "NATION" -> {
                        level = "NATION";
                        state = null;
                    }
                    case "STATE", "DISTRICT", "TERRITORY" -> {
                        level = "STATE";
                        state = code.asText();
                    }
                    case "COUNTY" -> {
                        level = "COUNTY";
                        state = place[1];
                    }
                    default -> {
                        continue;
                    }
                }
                for (JsonNode days : policy.path("inForce")) {
                    spans.add(new Span(level, code.asText(), state, LocalDate.parse(days.path("from").asText()),
                            days.path("to").isNull() || days.path("to").isMissingNode() ? null
                                    : LocalDate.parse(days.path("to").asText())));
                }
            }
        }
        return spans;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
