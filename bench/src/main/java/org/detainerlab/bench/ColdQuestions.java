package org.detainerlab.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;

import org.detainerlab.core.detainer.AgeBand;
import org.detainerlab.core.detainer.ChargeCategories;
import org.detainerlab.core.detainer.RowFacility;

/**
 * The questions of {@code bench stats --mix cold}: distinct statistics questions drawn from every documented shape
 * (one to three groupings, with or without the policy regime; no range, a month-aligned range or a day-precise
 * one), each with one of the filters or none, and for each the SQL that asks DuckDB the same question over the
 * exported rows ({@link #EXPORT}).
 */
public final class ColdQuestions {

    /**
     * The groupings a question draws from (policyRegime only with {@link Catalog#provision()}): places, time, the
     * detainer's own fields, and the person and charge fields that only the rows hold.
     */
    public static final List<String> DIMENSIONS = List.of("state", "county", "facility", "month", "fiscalYear",
            "outcome", "detainerType", "criminality", "threatLevel", "gender", "citizenshipCountry", "ageBand",
            "notifyRelease", "mscCharge", "chargeCategory");
    public static final String REGIME = "policyRegime";
    /** The filters a question draws from; "" is no filter. */
    public static final List<String> FILTERS = List.of("", "state", "county", "facility", "outcome", "detainerType");
    public static final List<String> OUTCOMES = List.of("DECLINED", "ICE_CUSTODY", "LIFTED", "OTHER_CLOSED", "UNKNOWN");

    /** What the range of a question is: none, whole months, or days that start and end inside months. */
    public enum Range {
        ALL, MONTHS, DAYS
    }

    /**
     * The PostgreSQL query whose result, written to Parquet, DuckDB answers from: each row with the values the API
     * groups and filters by, places as the codes the API speaks (a state's USPS code, a county's FIPS code), and the
     * two derived labels (age band, charge category) worked out once here, as the place codes are, by the rules the
     * API states ({@link AgeBand}, {@link ChargeCategories}).
     */
    public static final String EXPORT = "select d.release_id, d.prepare_date, s.code as state, c.code as county,"
            + " " + RowFacility.ID + " as facility_id, coalesce(f.name, upper(btrim(d.facility_raw))) as facility,"
            + " upper(btrim(d.facility_raw)) as facility_name, d.outcome, d.detainer_type, d.criminality,"
            + " d.threat_level, d.gender, d.citizenship_country, " + AgeBand.sql() + " as age_band,"
            + " d.notify_release_request::text as notify_release, d.msc_charge, " + ChargeCategories.SQL
            + " as charge_category from detainer d left join jurisdiction s on s.id = d.state_id left join place p on p.id = d.place_id"
            + " left join jurisdiction c on c.id = p.county_id left join facility f on f.id = " + RowFacility.ID;

    /**
     * What the loaded rows hold, to draw filter values that select something: state and county codes, published
     * facility names (upper case, trimmed, as the API matches them), detainer types, the months covered, and the
     * provision whose policy regime questions group by.
     */
    public record Catalog(List<String> states, List<String> counties, List<String> facilities,
                          List<String> detainerTypes, YearMonth firstMonth, YearMonth lastMonth, String provision) {
    }

    /** One question: its shape (for the report), what it groups and filters by, and its query string. */
    public record Question(String shape, List<String> groupBy, String filter, String filterValue, LocalDate from,
                           LocalDate to, String provision) {

        /** The query string of {@code GET /api/v1/stats/detainers}, without release (the series answers). */
        public String query() {
            StringJoiner q = new StringJoiner("&");
            q.add("groupBy=" + String.join(",", groupBy));
            if (groupBy.contains(REGIME)) {
                q.add("provision=" + provision);
            }
            if (!filter.isEmpty()) {
                q.add(filter + "=" + URLEncoder.encode(filterValue, StandardCharsets.UTF_8));
            }
            if (from != null) {
                q.add("from=" + from);
                q.add("to=" + to);
            }
            return q.toString();
        }

        /**
         * The same question for DuckDB over {@code table} (columns of {@link #EXPORT}, exactly the rows the API
         * counts) and, for the policy regime, the spans table {@code spans(level, jurisdiction, state, from_day,
         * to_day)} that {@link DuckMirror} makes. Each group key comes out as text, spelled as the API's answer
         * spells it; then the count.
         */
        public String duckSql(String table) {
            List<String> keys = new ArrayList<>();
            for (String dimension : groupBy) {
                keys.add("cast(" + duckKey(dimension) + " as varchar)");
            }
            StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
            if (!filter.isEmpty()) {
                String column = switch (filter) {
                    case "state" -> "d.state";
                    case "county" -> "d.county";
                    case "facility" -> "d.facility_name";
                    case "outcome" -> "d.outcome";
                    case "detainerType" -> "d.detainer_type";
                    default -> throw new IllegalStateException(filter);
                };
                where.add(column + " = '" + filterValue.replace("'", "''") + "'");
            }
            if (from != null) {
                where.add("d.prepare_date between date '" + from + "' and date '" + to + "'");
            }
            return "select " + String.join(", ", keys) + ", count(*) from " + table + " d" + where
                    + " group by all";
        }
    }

    private static String duckKey(String dimension) {
        return switch (dimension) {
            case "state" -> "d.state";
            case "county" -> "d.county";
            case "facility" -> "d.facility";
            case "month" -> "strftime(d.prepare_date, '%Y-%m')";
            case "fiscalYear" -> "year(d.prepare_date + interval 3 month)";
            case "outcome" -> "d.outcome";
            case "detainerType" -> "d.detainer_type";
            case "criminality" -> "d.criminality";
            case "threatLevel" -> "d.threat_level";
            case "gender" -> "d.gender";
            case "citizenshipCountry" -> "d.citizenship_country";
            case "ageBand" -> "d.age_band";
            case "notifyRelease" -> "d.notify_release";
            case "mscCharge" -> "d.msc_charge";
            case "chargeCategory" -> "d.charge_category";
            // PolicyRegimes.Sql.EXPRESSION, over codes instead of ids
            case REGIME -> "case when d.prepare_date is null then 'DATE_UNKNOWN'"
                    + " when exists (select 1 from spans s where d.prepare_date between s.from_day and s.to_day"
                    + " and (s.level = 'NATION' or (s.level = 'STATE' and s.jurisdiction = d.state)"
                    + " or (s.level = 'COUNTY' and s.jurisdiction = d.county))) then 'IN_FORCE'"
                    + " when d.county is null and exists (select 1 from spans s where d.prepare_date between"
                    + " s.from_day and s.to_day and (s.level = 'COUNTY' or d.state is null)"
                    + " and (d.state is null or s.state = d.state)) then 'PLACE_UNKNOWN'"
                    + " else 'NOT_IN_FORCE' end";
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /** The shapes, in the order questions are drawn: groupings x range x with or without the policy regime. */
    public static List<String> shapes() {
        List<String> shapes = new ArrayList<>();
        for (int groupings = 1; groupings <= 3; groupings++) {
            for (Range range : Range.values()) {
                for (boolean regime : new boolean[] {false, true}) {
                    shapes.add(shape(groupings, range, regime));
                }
            }
        }
        return shapes;
    }

    private static String shape(int groupings, Range range, boolean regime) {
        return groupings + (groupings == 1 ? " grouping" : " groupings") + (regime ? " with policyRegime" : "")
                + ", " + switch (range) {
                    case ALL -> "no range";
                    case MONTHS -> "month-aligned range";
                    case DAYS -> "day-precise range";
                };
    }

    /** Draws of one shape that give nothing new before the shape counts as exhausted. */
    private static final int TRIES = 200;

    private ColdQuestions() {
    }

    /**
     * {@code count} distinct questions, the shapes taking turns, one new question each turn; a shape that gives
     * nothing new in {@link #TRIES} draws is left out of later turns. The same seed and catalog give the same
     * questions. Throws when the catalog is too small to make that many distinct ones.
     */
    public static List<Question> draw(Catalog catalog, int count, long seed) {
        Random random = new Random(seed);
        Map<String, Question> questions = new LinkedHashMap<>();
        List<Range> ranges = List.of(Range.values());
        int shapes = 3 * ranges.size() * 2;
        boolean[] exhausted = new boolean[shapes];
        int left = shapes;
        for (int shape = 0; questions.size() < count; shape = (shape + 1) % shapes) {
            if (exhausted[shape]) {
                continue;
            }
            int groupings = 1 + shape / (ranges.size() * 2);
            Range range = ranges.get(shape / 2 % ranges.size());
            boolean regime = shape % 2 == 1;
            boolean added = false;
            for (int tries = 0; tries < TRIES && !added; tries++) {
                Question question = question(catalog, random, groupings, range, regime);
                added = questions.putIfAbsent(question.query(), question) == null;
            }
            if (!added) {
                exhausted[shape] = true;
                if (--left == 0) {
                    throw new IllegalStateException("Only " + questions.size() + " distinct questions: the loaded rows"
                            + " hold too few values for " + count);
                }
            }
        }
        return List.copyOf(questions.values());
    }

    private static Question question(Catalog catalog, Random random, int groupings, Range range, boolean regime) {
        List<String> pool = new ArrayList<>(DIMENSIONS);
        List<String> groupBy = new ArrayList<>();
        if (regime) {
            groupBy.add(REGIME);
        }
        while (groupBy.size() < groupings) {
            groupBy.add(pool.remove(random.nextInt(pool.size())));
        }
        if (regime) {
            // the regime takes any of the positions, not always the first
            groupBy.add(random.nextInt(groupBy.size()), groupBy.remove(0));
        }
        String filter = FILTERS.get(random.nextInt(FILTERS.size()));
        String value = switch (filter) {
            case "" -> null;
            case "state" -> pick(catalog.states(), random);
            case "county" -> pick(catalog.counties(), random);
            case "facility" -> pick(catalog.facilities(), random);
            case "outcome" -> pick(OUTCOMES, random);
            case "detainerType" -> pick(catalog.detainerTypes(), random);
            default -> throw new IllegalStateException(filter);
        };
        LocalDate from = null;
        LocalDate to = null;
        if (range != Range.ALL) {
            int months = (int) (catalog.firstMonth().until(catalog.lastMonth(), ChronoUnit.MONTHS)) + 1;
            YearMonth first = catalog.firstMonth().plusMonths(random.nextInt(months));
            YearMonth last = first.plusMonths(random.nextInt(Math.min(24, months)));
            if (last.isAfter(catalog.lastMonth())) {
                last = catalog.lastMonth();
            }
            if (range == Range.MONTHS) {
                from = first.atDay(1);
                to = last.atEndOfMonth();
            } else {
                // a day other than the month's first and last at each end, so no monthly table can answer alone
                from = first.atDay(2 + random.nextInt(first.lengthOfMonth() - 3));
                to = last.atDay(2 + random.nextInt(last.lengthOfMonth() - 3));
                if (to.isBefore(from)) {
                    LocalDate swap = from;
                    from = to;
                    to = swap;
                }
            }
        }
        return new Question(shape(groupings, range, regime), List.copyOf(groupBy), filter, value, from, to,
                regime ? catalog.provision() : null);
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
