package org.detainerlab.core.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.detainerlab.core.common.Csv;
import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.detainer.DetainerCounts;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;

/**
 * The review of places: what is unresolved or unsure, a curator's decision on one place (under If-Match, with
 * history), accepting every proposal above a confidence, the whole crosswalk as CSV out and in, and places by name.
 * Works in SQL over {@code place}, as the loader does, so that a decision changes one row and moves the data
 * generation (trigger), never the detainer rows.
 */
@ApplicationScoped
public class PlaceService {

    public static final int MAX_PAGE = 500;
    public static final String CSV_HEADER = "place_id,state,facility,facility_code,city,status,method,county,county_name,"
            + "facility_id,confidence,detainers";

    private static final String SELECT = "select p.id, s.code, p.facility_key, p.facility_code, p.city_key, p.status,"
            + " p.method, c.code, c.name, pc.code, pc.name, p.facility_id, p.confidence, p.evidence::text,"
            + " p.candidates::text, coalesce(r.detainers, 0), p.decided_by, p.decided_at, p.version, p.state_id,"
            + " cs.code, pcs.code"
            + " from place p left join jurisdiction s on s.id = p.state_id"
            + " left join jurisdiction c on c.id = p.county_id left join jurisdiction cs on cs.id = c.parent_id"
            + " left join jurisdiction pc on pc.id = p.proposed_county_id left join jurisdiction pcs on pcs.id = pc.parent_id"
            + " left join unnest(?::bigint[], ?::bigint[]) r(place_id, detainers) on r.place_id = p.id";

    private final AgroalDataSource dataSource;
    private final ChangeHistory history;
    private final ObjectMapper json;
    private final DetainerCounts counts;

    public PlaceService(AgroalDataSource dataSource, ChangeHistory history, ObjectMapper json, DetainerCounts counts) {
        this.dataSource = dataSource;
        this.history = history;
        this.json = json;
        this.counts = counts;
    }

    /**
     * Binds {@link #SELECT}'s first two parameters, each place's detainers: counted over the release series (as a
     * question that names no release counts them), so a place whose rows overlapping releases both hold counts them
     * once. Returns the next parameter's index.
     */
    private int bindDetainers(Connection connection, PreparedStatement statement) throws SQLException {
        return bindDetainers(connection, statement, counts.totals().byPlaceId());
    }

    /** {@link #bindDetainers(Connection, PreparedStatement)} for one place's row alone. */
    private int bindDetainers(Connection connection, PreparedStatement statement, long placeId) throws SQLException {
        Long detainers = counts.totals().byPlaceId().get(placeId);
        return bindDetainers(connection, statement, detainers == null ? Map.of() : Map.of(placeId, detainers));
    }

    private static int bindDetainers(Connection connection, PreparedStatement statement, Map<Long, Long> byPlace)
            throws SQLException {
        Long[] ids = new Long[byPlace.size()];
        Long[] detainers = new Long[byPlace.size()];
        int i = 0;
        for (Map.Entry<Long, Long> entry : byPlace.entrySet()) {
            ids[i] = entry.getKey();
            detainers[i++] = entry.getValue();
        }
        statement.setArray(1, connection.createArrayOf("bigint", ids));
        statement.setArray(2, connection.createArrayOf("bigint", detainers));
        return 3;
    }

    /** Resolves the places no one has resolved yet: those of releases loaded before places existed, or by the CLI. */
    @Transactional
    public int resolveNew() {
        try (Connection connection = dataSource.getConnection()) {
            return PlaceResolutions.resolveNew(connection, FacilityReference.load(FacilityReference.dataDir()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve places: " + e.getMessage(), e);
        }
    }

    /**
     * One page of places to review, most detainers first, then by id: by default the unresolved and those proposed
     * below the confidence given ({@code below}, default 1, i.e. every proposal not yet decided). {@code cursor} is
     * the previous page's {@code next} (null for the first page).
     */
    @Transactional
    public PlaceReviewPage review(List<String> statuses, Double below, int limit, String cursor) {
        List<String> wanted = statuses.isEmpty() ? List.of("UNRESOLVED", "PROPOSED") : statuses.stream()
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        for (String status : wanted) {
            if (!Set.of("NEW", "PROPOSED", "UNRESOLVED", "ACCEPTED", "REJECTED").contains(status)) {
                throw new InvalidQueryException("status", "'" + status + "' is not one of NEW, PROPOSED, UNRESOLVED,"
                        + " ACCEPTED, REJECTED");
            }
        }
        if (below != null && (below < 0 || below > 1)) {
            throw new InvalidQueryException("below", "must be a confidence between 0 and 1");
        }
        PlaceCursor after = cursor == null ? null : PlaceCursor.decode(cursor);
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        String sql = SELECT + " where p.status = any(?) and p.confidence < ?"
                + (after == null ? "" : " and (coalesce(r.detainers, 0) < ? or (coalesce(r.detainers, 0) = ? and p.id > ?))")
                + " order by 16 desc, p.id limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = bindDetainers(connection, statement);
            statement.setArray(i++, connection.createArrayOf("text", wanted.toArray()));
            statement.setDouble(i++, below == null ? 1.0000001 : below);
            if (after != null) {
                statement.setLong(i++, after.detainers());
                statement.setLong(i++, after.detainers());
                statement.setLong(i++, after.id());
            }
            statement.setInt(i, size + 1);
            List<PlaceView> found = views(statement);
            if (found.size() <= size) {
                return new PlaceReviewPage(found, null);
            }
            PlaceView last = found.get(size - 1);
            return new PlaceReviewPage(List.copyOf(found.subList(0, size)),
                    new PlaceCursor(last.detainers(), last.id()).encode());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list places: " + e.getMessage(), e);
        }
    }

    @Transactional
    public PlaceView get(long id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read place " + id + ": " + e.getMessage(), e);
        }
    }

    @Transactional
    public List<ChangeView> history(long id) {
        get(id);
        return history.of(PlaceView.KIND, id);
    }

    /** One curator's decision under If-Match: of two curators deciding from the same version, the second gets 412. */
    @Transactional
    public PlaceView decide(long id, String ifMatch, PlaceDecision decision, String actor) {
        try (Connection connection = dataSource.getConnection()) {
            PlaceView before = find(connection, id, true);
            Revisions.requireMatch(ifMatch, PlaceView.KIND, id, before.version());
            apply(connection, before, decision, actor, ChangeAction.UPDATE);
            return find(connection, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot decide place " + id + ": " + e.getMessage(), e);
        }
    }

    /** Accepts every undecided proposal at or above a confidence, each recorded in its history; returns how many. */
    @Transactional
    public int acceptAbove(Double minConfidence, String actor) {
        if (minConfidence == null || minConfidence < 0 || minConfidence > 1) {
            throw ValidationFailedException.of("minConfidence", "must be between 0 and 1", minConfidence);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id from place where status in"
                    + " ('PROPOSED', 'UNRESOLVED') and proposed_county_id is not null and confidence >= ? order by id for update")) {
                select.setDouble(1, minConfidence);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                apply(connection, find(connection, id, false), new PlaceDecision("ACCEPT", null, null,
                        "accepted with every proposal at or above confidence " + minConfidence), actor, ChangeAction.UPDATE);
            }
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot accept places: " + e.getMessage(), e);
        }
    }

    /** The whole crosswalk, one line per place, as {@link #CSV_HEADER} says. */
    @Transactional
    public String exportCsv() {
        Csv out = new Csv(List.of(CSV_HEADER.split(",")));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT + " order by p.id")) {
            bindDetainers(connection, statement);
            for (PlaceView p : views(statement)) {
                out.row(p.id(), p.state(), p.facility(), p.facilityCode(), p.city(), p.status(), p.method(), p.county(),
                        p.countyName(), p.facilityId(), String.format(Locale.ROOT, "%.3f", p.confidence()), p.detainers());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export places: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Reads a crosswalk in the export's form and applies, to each place whose status or county differs, ACCEPTED with
     * the county given or REJECTED. All or nothing: any bad line refuses the whole file, listing every bad line.
     */
    @Transactional
    public int importCsv(String text, String actor) {
        String[] lines = text.replace("\r\n", "\n").split("\n");
        if (lines.length == 0 || !lines[0].trim().startsWith("place_id,")) {
            throw ValidationFailedException.of("line 1", "must be the header " + CSV_HEADER, lines.length == 0 ? "" : lines[0]);
        }
        List<String> header = Csv.fields(lines[0].trim());
        int idAt = header.indexOf("place_id");
        int statusAt = header.indexOf("status");
        int countyAt = header.indexOf("county");
        if (statusAt < 0 || countyAt < 0) {
            throw ValidationFailedException.of("line 1", "needs the columns place_id, status and county", lines[0]);
        }
        List<FieldError> errors = new ArrayList<>();
        record Row(PlaceView place, PlaceDecision decision) {
        }
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String where = "line " + (i + 1);
                List<String> f = Csv.fields(lines[i]);
                if (f.size() <= Math.max(idAt, Math.max(statusAt, countyAt))) {
                    errors.add(new FieldError(where, "has " + f.size() + " columns, the header " + header.size(), lines[i]));
                    continue;
                }
                PlaceView place;
                try {
                    place = find(connection, Long.parseLong(f.get(idAt).trim()), false);
                } catch (NumberFormatException | ResourceNotFoundException e) {
                    errors.add(new FieldError(where + ": place_id", "is not a place", f.get(idAt)));
                    continue;
                }
                String status = f.get(statusAt).trim().toUpperCase(Locale.ROOT);
                String county = f.get(countyAt).trim();
                if (status.equals(place.status()) && county.equals(place.county() == null ? "" : place.county())) {
                    continue;
                }
                if (!status.equals("ACCEPTED") && !status.equals("REJECTED")) {
                    errors.add(new FieldError(where + ": status", "a changed place must be ACCEPTED or REJECTED", status));
                    continue;
                }
                if (status.equals("ACCEPTED")) {
                    String problem = countyProblem(connection, place, county);
                    if (problem != null) {
                        errors.add(new FieldError(where + ": county", problem, county));
                        continue;
                    }
                }
                rows.add(new Row(place, new PlaceDecision(status.equals("ACCEPTED") ? "ACCEPT" : "REJECT",
                        county.isEmpty() ? null : county, null, "crosswalk import")));
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailedException(errors);
            }
            for (Row row : rows) {
                apply(connection, find(connection, row.place().id(), true), row.decision(), actor, ChangeAction.IMPORT);
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot import places: " + e.getMessage(), e);
        }
    }

    /** States, counties, cities and facilities whose name contains the text, for autocomplete. */
    @Transactional
    public List<PlaceMatch> search(String q, int limit) {
        if (q == null || q.isBlank()) {
            throw new InvalidQueryException("q", "give a few letters of a state, county, city or facility name");
        }
        int max = Math.min(Math.max(limit, 1), 100);
        String like = "%" + q.trim().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        String sql = "(select 'state' kind, code, name, null state, 0 rank from jurisdiction"
                + " where kind in ('STATE', 'DISTRICT', 'TERRITORY') and (upper(name) like ? or code = ?))"
                + " union all (select 'county', c.code, c.name || case when c.name ~ '(County|Parish|city\\))$' then '' else ' County' end,"
                + " s.code, 1 from jurisdiction c join jurisdiction s on s.id = c.parent_id where c.kind = 'COUNTY' and upper(c.name) like ?)"
                + " union all (select distinct 'city', initcap(p.city_key) || ', ' || s.code, initcap(p.city_key), s.code, 2"
                + " from place p join jurisdiction s on s.id = p.state_id where p.city_key like ?)"
                + " union all (select distinct 'facility', p.facility_key, p.facility_key, s.code, 3"
                + " from place p left join jurisdiction s on s.id = p.state_id where p.facility_key like ?)"
                + " order by 5, 3 limit ?";
        List<PlaceMatch> matches = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, like);
            statement.setString(2, q.trim().toUpperCase(Locale.ROOT));
            statement.setString(3, like);
            statement.setString(4, like);
            statement.setString(5, like);
            statement.setInt(6, max);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    matches.add(new PlaceMatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search places: " + e.getMessage(), e);
        }
        return matches;
    }

    /**
     * After a curated facility was added: its spellings resolve to it from now on, so the places spelled so and not
     * decided by a curator are resolved again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void facilityAliasesChanged(Collection<String> aliases) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement reset = connection.prepareStatement("update place set status = 'NEW'"
                     + " where facility_key = any(?) and status in ('PROPOSED', 'UNRESOLVED')")) {
            reset.setArray(1, connection.createArrayOf("text", aliases.toArray()));
            if (reset.executeUpdate() > 0) {
                PlaceResolutions.resolveNew(connection, FacilityReference.load(FacilityReference.dataDir()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve places again: " + e.getMessage(), e);
        }
    }

    private void apply(Connection connection, PlaceView before, PlaceDecision decision, String actor,
                       ChangeAction action) throws SQLException {
        String verb = decision.action() == null ? "" : decision.action().trim().toUpperCase(Locale.ROOT);
        if (!verb.equals("ACCEPT") && !verb.equals("REJECT")) {
            throw ValidationFailedException.of("action", "must be ACCEPT or REJECT", decision.action());
        }
        String county = null;
        Linked facility = new Linked(null, null);
        String method = before.method();
        if (verb.equals("ACCEPT")) {
            county = decision.countyCode() == null || decision.countyCode().isBlank() ? before.proposedCounty()
                    : decision.countyCode().trim();
            if (county == null) {
                throw ValidationFailedException.of("countyCode", "this place has no proposal: name the county", null);
            }
            String problem = countyProblem(connection, before, county);
            if (problem != null) {
                throw ValidationFailedException.of("countyCode", problem, county);
            }
            if (!county.equals(before.proposedCounty())) {
                method = PlaceMethod.CURATED.name();
            }
            facility = facility(connection, before, decision.facilityId(), county);
        }
        try (PreparedStatement update = connection.prepareStatement("update place set status = ?, method = ?,"
                + " county_id = (select id from jurisdiction where code = ? and kind = 'COUNTY'),"
                + " facility_id = coalesce(?, facility_id), decided_by = ?, decided_at = now(), version = version + 1"
                + " where id = ?")) {
            update.setString(1, verb.equals("ACCEPT") ? "ACCEPTED" : "REJECTED");
            update.setString(2, method);
            update.setString(3, county);
            update.setObject(4, facility.id(), Types.BIGINT);
            update.setString(5, actor);
            update.setLong(6, before.id());
            update.executeUpdate();
        }
        PlaceView after = find(connection, before.id(), false);
        String note = facility.change() == null ? decision.note() : decision.note() == null ? facility.change()
                : decision.note() + "; " + facility.change();
        history.record(PlaceView.KIND, before.id(), after.version(), action, actor, note, before, after);
    }

    /** Why a county cannot be this place's, or null when it can: unknown, or of another state than the row's. */
    private static String countyProblem(Connection connection, PlaceView place, String county) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("select s.code from jurisdiction c"
                + " join jurisdiction s on s.id = c.parent_id where c.code = ? and c.kind = 'COUNTY'")) {
            find.setString(1, county);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return "is not a known county (5-digit FIPS code)";
                }
                if (place.state() != null && !place.state().equals(rs.getString(1))) {
                    return "is a county of " + rs.getString(1) + ", but the place is in " + place.state();
                }
                return null;
            }
        }
    }

    /** The curated facility an accepted place is linked to, and what linking it changed (null when nothing). */
    private record Linked(Long id, String change) {
    }

    /**
     * The curated facility an accepted spelling belongs to: the one named, the one of the place's state whose alias it
     * already is, the facility of that state with the spelling as its name, or a new facility with the spelling as its
     * name; the spelling becomes its alias unless another state's facility already has that alias (aliases are unique
     * across states), which the returned change says.
     */
    private static Linked facility(Connection connection, PlaceView place, Long wanted, String county) throws SQLException {
        if (wanted != null) {
            try (PreparedStatement find = connection.prepareStatement("select id from facility where id = ?")) {
                find.setLong(1, wanted);
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next()) {
                        throw ValidationFailedException.of("facilityId", "is not a curated facility", wanted);
                    }
                }
            }
            return new Linked(wanted, addAlias(connection, wanted, place.facility()));
        }
        if (place.facility().isEmpty()) {
            return new Linked(null, null);
        }
        Long stateId = stateId(connection, place.id());
        try (PreparedStatement find = connection.prepareStatement("select a.facility_id from facility_alias a"
                + " join facility f on f.id = a.facility_id where a.alias = ? and (f.state_id is null"
                + " or f.state_id is not distinct from ?)")) {
            find.setString(1, place.facility());
            find.setObject(2, stateId, Types.BIGINT);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return new Linked(rs.getLong(1), null);
                }
            }
        }
        Long existing = null;
        try (PreparedStatement find = connection.prepareStatement("select id from facility"
                + " where upper(name) = upper(?) and coalesce(state_id, 0) = coalesce(?, 0)")) {
            find.setString(1, place.facility());
            find.setObject(2, stateId, Types.BIGINT);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getLong(1);
                }
            }
        }
        if (existing != null) {
            return new Linked(existing, addAlias(connection, existing, place.facility()));
        }
        long id;
        try (PreparedStatement insert = connection.prepareStatement("insert into facility (name, city, state_id, county_id)"
                + " select ?, ?, ?, id from jurisdiction where code = ? and kind = 'COUNTY' returning id")) {
            insert.setString(1, place.facility());
            insert.setString(2, place.city().isEmpty() ? null : place.city());
            insert.setObject(3, stateId, Types.BIGINT);
            insert.setString(4, county);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        String alias = addAlias(connection, id, place.facility());
        return new Linked(id, "created facility " + id + (alias == null || alias.startsWith("added") ? " with the spelling as its alias"
                : ": " + alias));
    }

    /** Makes the spelling an alias of the facility if no facility has it yet; says what happened, or null if it had it. */
    private static String addAlias(Connection connection, long facilityId, String spelling) throws SQLException {
        if (spelling.isEmpty()) {
            return null;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into facility_alias (facility_id, alias)"
                + " values (?, ?) on conflict do nothing")) {
            insert.setLong(1, facilityId);
            insert.setString(2, spelling);
            if (insert.executeUpdate() == 1) {
                return "added the spelling as an alias of facility " + facilityId;
            }
        }
        try (PreparedStatement owner = connection.prepareStatement("select facility_id from facility_alias where alias = ?")) {
            owner.setString(1, spelling);
            try (ResultSet rs = owner.executeQuery()) {
                rs.next();
                long other = rs.getLong(1);
                return other == facilityId ? null : "the spelling stays an alias of facility " + other
                        + " (another state's), since a spelling is the alias of one facility";
            }
        }
    }

    private static Long stateId(Connection connection, long placeId) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select state_id from place where id = " + placeId)) {
            rs.next();
            return rs.getObject(1, Long.class);
        }
    }

    private PlaceView find(Connection connection, long id, boolean lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " where p.id = ?"
                + (lock ? " for update of p" : ""))) {
            statement.setLong(bindDetainers(connection, statement, id), id);
            List<PlaceView> found = views(statement);
            if (found.isEmpty()) {
                throw new ResourceNotFoundException(PlaceView.KIND, id);
            }
            return found.get(0);
        }
    }

    private List<PlaceView> views(PreparedStatement statement) throws SQLException {
        List<PlaceView> views = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                views.add(new PlaceView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), label(rs.getString(9), rs.getString(21)),
                        rs.getString(10), label(rs.getString(11), rs.getString(22)), rs.getObject(12, Long.class),
                        rs.getDouble(13), tree(rs.getString(14)), tree(rs.getString(15)), rs.getLong(16),
                        rs.getString(17), rs.getObject(18, java.time.OffsetDateTime.class), rs.getLong(19)));
            }
        }
        return views;
    }

    private static String label(String county, String state) {
        return county == null ? null : county + ", " + state;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
