package org.detainerlab.ingest.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.detainerlab.core.detainer.FiscalYear;

/**
 * Writes synthetic detainer releases in the published layouts, for tests and benchmarks on a fresh clone: title
 * rows, fiscal-year sheets, redaction markers, about 40% blank lift reasons (modern layout), a state mix and a
 * facility mix shaped like the real FY2015 release, each facility in one city (as in the published files), and
 * about 1% likely duplicates. The same seed gives the same file. The data are invented and say so in their title
 * rows.
 */
public final class SyntheticReleases {

    static final String REDACTED = "b(6), b(7)c";

    /** States as ICE writes them, weighted by their FY2015 detainer counts; blank state about 11%. */
    private static final Weighted<String> STATES = new Weighted<>(new LinkedHashMap<>(Map.ofEntries(
            Map.entry("TEXAS", 17284), Map.entry("CALIFORNIA", 13456), Map.entry("ARIZONA", 6010),
            Map.entry("FLORIDA", 2923), Map.entry("NEW YORK", 2700), Map.entry("GEORGIA", 2656),
            Map.entry("NORTH CAROLINA", 1917), Map.entry("PENNSYLVANIA", 1799), Map.entry("VIRGINIA", 1526),
            Map.entry("COLORADO", 1403), Map.entry("ILLINOIS", 1213), Map.entry("TENNESSEE", 1211),
            Map.entry("NEVADA", 1089), Map.entry("OKLAHOMA", 1089), Map.entry("OHIO", 1072), Map.entry("NEW JERSEY", 955),
            Map.entry("UTAH", 919), Map.entry("SOUTH CAROLINA", 910), Map.entry("MISSISSIPPI", 836),
            Map.entry("ALABAMA", 723), Map.entry("MARYLAND", 616), Map.entry("MINNESOTA", 603),
            Map.entry("LOUISIANA", 565), Map.entry("IDAHO", 547), Map.entry("WASHINGTON", 501),
            Map.entry("WISCONSIN", 488), Map.entry("ARKANSAS", 483), Map.entry("MICHIGAN", 454),
            Map.entry("OREGON", 422), Map.entry("MASSACHUSETTS", 410), Map.entry("NEBRASKA", 390),
            Map.entry("INDIANA", 375), Map.entry("IOWA", 336), Map.entry("NEW MEXICO", 331), Map.entry("MISSOURI", 258),
            Map.entry("KANSAS", 251), Map.entry("KENTUCKY", 204), Map.entry("CONNECTICUT", 164),
            Map.entry("NEW HAMPSHIRE", 126), Map.entry("DELAWARE", 123), Map.entry("WYOMING", 106),
            Map.entry("PUERTO RICO", 105), Map.entry("WEST VIRGINIA", 92), Map.entry("SOUTH DAKOTA", 84),
            Map.entry("DISTRICT OF COLUMBIA", 83), Map.entry("NORTH DAKOTA", 54), Map.entry("HAWAII", 51),
            Map.entry("ALASKA", 26), Map.entry("RHODE ISLAND", 25), Map.entry("MONTANA", 18), Map.entry("MAINE", 17),
            Map.entry("GUAM", 13), Map.entry("NORTHERN MARIANA ISLANDS", 8), Map.entry("VIRGIN ISLANDS", 7),
            Map.entry("VERMONT", 6), Map.entry("", 9020))));

    /** Modern lift reasons: blank about 40%. */
    private static final Weighted<String> MODERN_LIFT = new Weighted<>(new LinkedHashMap<>(Map.ofEntries(
            Map.entry("", 400), Map.entry("Booked into Detention", 300), Map.entry("Detainer Declined by LEA", 70),
            Map.entry("Case Closed", 80), Map.entry("No longer in State, Local, or Federal Custody", 50),
            Map.entry("Prosecutorial Discretion", 30), Map.entry("Early Release", 30),
            Map.entry("Noncitizen Not Amenable to Removal", 20), Map.entry("USC or Presumptive Claim to US Citizenship", 10),
            Map.entry("Judicial Review", 10))));

    /** 2015 lift reasons, weighted by their FY2015 counts. */
    private static final Weighted<String> LIFT_2015 = new Weighted<>(new LinkedHashMap<>(Map.ofEntries(
            Map.entry("", 52263), Map.entry("Booked into Detention", 15877), Map.entry("Detainer Declined by LEA", 5501),
            Map.entry("Lifted", 3773), Map.entry("Prosecutorial Discretion", 520), Map.entry("Case Closed", 503),
            Map.entry("Transferred", 299), Map.entry("Alien Not Subject to Deportation", 180),
            Map.entry("Early Release", 61), Map.entry("United States Citizen Interviewed", 55),
            Map.entry("Lifted - Lack of Funds", 10), Map.entry("Lifted - Lack of Space", 8), Map.entry("Died", 3))));

    private static final Weighted<String> CRIMINALITY = new Weighted<>(new LinkedHashMap<>(Map.of(
            "1 Convicted Criminal", 60, "2 Pending Criminal Charges", 30, "3 Other Immigration Violator", 10)));
    private static final Weighted<String> COUNTRIES = new Weighted<>(new LinkedHashMap<>(Map.of(
            "MEXICO", 55, "GUATEMALA", 14, "HONDURAS", 10, "EL SALVADOR", 8, "DOMINICAN REPUBLIC", 3,
            "CUBA", 2, "COLOMBIA", 2, "VENEZUELA", 2, "INDIA", 2, REDACTED, 2)));
    private static final Weighted<String> CHARGES = new Weighted<>(new LinkedHashMap<>(Map.of(
            "Dangerous Drugs", 25, "Traffic Offenses", 20, "Driving Under Influence Liquor", 15, "Assault", 15,
            "Larceny", 8, "Burglary", 6, "Weapon Offenses", 5, "Fraudulent Activities", 4, "Homicide", 1, "", 1)));
    /**
     * NCIC offense codes that fit each charge heading (the first two digits are its offense group), so that charge
     * categories come out as the headings say.
     */
    private static final Map<String, String[]> CHARGE_CODES = Map.of("Dangerous Drugs", new String[] {"3599", "3562"},
            "Traffic Offenses", new String[] {"5499", "5402"}, "Driving Under Influence Liquor", new String[] {"5404"},
            "Assault", new String[] {"1399", "1313"}, "Larceny", new String[] {"2399", "2303"},
            "Burglary", new String[] {"2299"}, "Weapon Offenses", new String[] {"5299", "5212"},
            "Fraudulent Activities", new String[] {"2699"}, "Homicide", new String[] {"0999", "0911", "0909"});
    private static final String[] DETAINER_TYPES = {"I247A - Immigration Detainer - Notice of Action",
            "I247A - Immigration Detainer - Notice of Action (as of May 2025)", "I247D - Immigration Detainer - Request",
            "I247N - Request for Voluntary Notification of Release"};
    private static final String[] TYPES_2015 = {"Immigration Detainer - Notice of Action (I-247)",
            "Request for Voluntary Transfer (I-247)", "Request for Notification (I-247)"};
    private static final String[] FACILITY_KINDS = {"COUNTY JAIL", "COUNTY DETENTION CENTER", "CITY JAIL",
            "CORRECTIONAL FACILITY", "STATE PRISON", "SHERIFF'S OFFICE"};
    private static final String[] YES_NO = {"YES", "NO", "NO", "NO"};
    private static final int FLAG_COLUMNS = 19;
    private static final int CITIES_PER_STATE = 9;

    /**
     * The generator's version, part of the name of every database kept from its rows: a change to what it writes
     * for a seed raises it, so that a kept database of older rows is not taken for one of the new.
     * Version 2: each facility keeps one city.
     */
    public static final int VERSION = 2;

    private SyntheticReleases() {
    }

    /**
     * Writes {@code rows} rows in {@code layout} to {@code out} and returns what was written, tallied as it was
     * written, so that tests can check an ingest against counts computed apart from it.
     */
    public static Tally write(Layout layout, long rows, long seed, Path out) throws IOException {
        return write(layout, rows, seed, out, 2024);
    }

    /**
     * As {@link #write(Layout, long, long, Path)}, with the modern layouts' rows in the three fiscal years from
     * {@code firstFiscalYear} (the default is 2024-2026): releases that follow one another instead of overlapping.
     */
    public static Tally write(Layout layout, long rows, long seed, Path out, int firstFiscalYear) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Cities cities = new Cities(seed);
        Tally tally = new Tally();
        try (RowSink sink = switch (layout) {
            case ICE_MODERN_XLSX, ICE_2015_XLSX -> new XlsxSink(out);
            case ICE_MODERN_CSV -> new CsvSink(out, "", false);
            case DDP_CSV -> new CsvSink(out, "NA", true);
        }) {
            switch (layout) {
                case ICE_2015_XLSX -> write2015(sink, rows, random, cities, tally);
                case ICE_MODERN_XLSX -> writeModern(sink, rows, random, cities, tally, true, false, firstFiscalYear);
                case ICE_MODERN_CSV -> writeModern(sink, rows, random, cities, tally, false, false, firstFiscalYear);
                case DDP_CSV -> writeModern(sink, rows, random, cities, tally, false, true, firstFiscalYear);
            }
        }
        return tally;
    }

    /**
     * Writes {@code rows} rows in the 2015 layout with prepare dates spread over first..last, all in one state
     * (a state-scoped release, as ICE publishes for a single state) or, when {@code onlyState} is null, in the
     * national state mix: releases that overlap in time, for tests of the release series.
     */
    public static Tally write2015(long rows, long seed, String onlyState, LocalDate first, LocalDate last, Path out)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Cities cities = new Cities(seed);
        Tally tally = new Tally();
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        try (RowSink sink = new XlsxSink(out)) {
            sink.sheet("FOIA Detail (synthetic)");
            sink.row("Prepare Date", "Detainer Type", "Detainer Detention Facility", "State", "City",
                    "Detainer Lift Reason");
            for (long i = 0; i < rows; i++) {
                LocalDate date = first.plusDays(random.nextInt(days));
                String state = onlyState != null ? onlyState : STATES.pick(random);
                String facility = state.isEmpty() ? "OTHER-OTHER FACILITY" : facility(state, random);
                String lift = LIFT_2015.pick(random);
                sink.row(date, TYPES_2015[random.nextInt(TYPES_2015.length)], facility, state.isEmpty() ? null : state,
                        state.isEmpty() ? null : cities.of(facility, random), lift.isEmpty() ? null : lift);
                tally.add(date, state, lift, false);
            }
        }
        return tally;
    }

    private static void write2015(RowSink sink, long rows, SplittableRandom random, Cities cities, Tally tally)
            throws IOException {
        sink.sheet("FOIA Detail (synthetic)");
        sink.row("Prepare Date", "Detainer Type", "Detainer Detention Facility", "State", "City", "Detainer Lift Reason");
        LocalDate first = LocalDate.of(2014, 10, 1);
        for (long i = 0; i < rows; i++) {
            LocalDate date = first.plusDays(random.nextInt(292));
            String state = STATES.pick(random);
            String facility = state.isEmpty() ? "OTHER-OTHER FACILITY" : facility(state, random);
            String lift = LIFT_2015.pick(random);
            sink.row(date, TYPES_2015[random.nextInt(TYPES_2015.length)], facility, state.isEmpty() ? null : state,
                    state.isEmpty() ? null : cities.of(facility, random), lift.isEmpty() ? null : lift);
            tally.add(date, state, lift, false);
        }
    }

    private static void writeModern(RowSink sink, long rows, SplittableRandom random, Cities cities, Tally tally,
                                    boolean titles, boolean ddp, int firstFiscalYear) throws IOException {
        List<String> header = modernHeader(ddp);
        int[] fiscalYears = {firstFiscalYear, firstFiscalYear + 1, firstFiscalYear + 2};
        long written = 0;
        String[] previousId = {null};
        LocalDate[] previousDate = {null};
        for (int sheet = 0; sheet < fiscalYears.length; sheet++) {
            int fiscalYear = fiscalYears[sheet];
            long inSheet = sheet == fiscalYears.length - 1 ? rows - written : rows / fiscalYears.length;
            if (!ddp && (titles || sheet == 0)) {
                sink.sheet("FY" + fiscalYear);
                if (titles) {
                    sink.row("U.S. Immigration and Customs Enforcement (SYNTHETIC DATA generated by DetainerLab)");
                    sink.row("Enforcement and Removal Operations");
                    sink.row("Law Enforcement Systems and Analysis");
                    sink.row("Detainers Prepared FY" + fiscalYear);
                    sink.row("Invented rows for testing; they describe no real person or event");
                    sink.row((Object) null);
                }
                if (titles || sheet == 0) {
                    sink.row(header.toArray());
                }
            } else if (ddp && sheet == 0) {
                sink.sheet("csv");
                List<String> withIndex = new ArrayList<>(header);
                withIndex.add(0, "");
                sink.row(withIndex.toArray());
            }
            LocalDate first = FiscalYear.firstDay(fiscalYear);
            for (long i = 0; i < inSheet; i++, written++) {
                boolean duplicate = previousId[0] != null && random.nextInt(100) == 0;
                LocalDate date = duplicate ? previousDate[0] : first.plusDays(random.nextInt(365));
                String id = duplicate ? previousId[0] : anonymizedId(random);
                Object[] values = modernRow(date, id, random, cities, tally, duplicate);
                if (ddp) {
                    Object[] indexed = new Object[values.length + 1];
                    indexed[0] = Long.toString(written + 1);
                    System.arraycopy(values, 0, indexed, 1, values.length);
                    values = indexed;
                }
                sink.row(values);
                previousId[0] = id;
                previousDate[0] = date;
            }
        }
    }

    private static Object[] modernRow(LocalDate date, String id, SplittableRandom random, Cities cities, Tally tally,
                                      boolean duplicate) {
        String state = STATES.pick(random);
        String lift = MODERN_LIFT.pick(random);
        int birthYear = 1950 + random.nextInt(55);
        Object[] row = new Object[35 + FLAG_COLUMNS + 9];
        int c = 0;
        row[c++] = date;
        row[c++] = state.isEmpty() ? null : state;
        row[c++] = state.isEmpty() ? null : aor(state);
        c += 3;
        row[c++] = random.nextInt(4) == 0 ? "CLOSED" : "ACTIVE";
        row[c++] = CRIMINALITY.pick(random);
        String facility = state.isEmpty() ? "OTHER-OTHER FACILITY" : facility(state, random);
        row[c++] = facility;
        row[c++] = state.isEmpty() ? null : "F" + Integer.toString(Math.abs(state.hashCode()) % 46_656, 36).toUpperCase();
        row[c++] = state.isEmpty() ? null : cities.of(facility, random);
        row[c++] = Integer.toString(1 + random.nextInt(3));
        row[c++] = random.nextInt(10) < 9 ? "Male" : "Female";
        String country = COUNTRIES.pick(random);
        row[c++] = country;
        row[c++] = country;
        row[c++] = REDACTED;
        row[c++] = birthYear;
        row[c++] = random.nextInt(3) == 0 ? "Entered Without Inspection" : "Not Applicable";
        String charge = CHARGES.pick(random);
        row[c++] = charge.isEmpty() ? null : charge;
        c += 3;
        if (charge.isEmpty()) {
            row[c++] = null;
        } else {
            // the same draw as the code this column held before, so every seed keeps its other columns
            String[] codes = CHARGE_CODES.get(charge);
            row[c++] = codes[random.nextInt(8000) % codes.length];
        }
        row[c++] = date.minusDays(30 + random.nextInt(300));
        row[c++] = random.nextBoolean() ? date.minusDays(random.nextInt(30)) : null;
        row[c++] = random.nextInt(20) == 0 ? "Aggravated Felon" : "Not an Aggravated Felon";
        row[c++] = "Warrant of Arrest/Notice to Appear";
        row[c++] = "[8C] Excludable / Inadmissible - Administrative Final Order Issued";
        c += 3;
        row[c++] = YES_NO[random.nextInt(YES_NO.length)];
        c++;
        row[c++] = date.minusDays(random.nextInt(10));
        row[c++] = null;
        for (int f = 0; f < FLAG_COLUMNS; f++) {
            row[c++] = YES_NO[random.nextInt(YES_NO.length)];
        }
        row[c++] = lift.isEmpty() ? null : lift;
        row[c++] = lift.isEmpty() ? null : Character.toString((char) ('A' + Math.abs(lift.hashCode()) % 20));
        row[c++] = "NO";
        row[c++] = null;
        row[c++] = DETAINER_TYPES[random.nextInt(DETAINER_TYPES.length)];
        row[c++] = YES_NO[random.nextInt(YES_NO.length)];
        row[c++] = state.isEmpty() ? null : aor(state).toUpperCase() + " DOCKET CONTROL OFFICE";
        row[c++] = REDACTED;
        row[c] = id;
        tally.add(date, state, lift, duplicate);
        tally.byCharge.merge(charge, 1L, Long::sum);
        return row;
    }

    static List<String> modernHeader(boolean snakeCase) {
        List<String> header = new ArrayList<>(List.of("Detainer Prepare Date", "Facility State", "Facility AOR",
                "Port of Departure", "Departure Country", "Departed Date", "Case Status", "Detainer Criminality",
                "Detainer Facility", "Detainer Facility Code", "Facility City", "Detainer Threat Level", "Gender",
                "Citizenship Country", "Birth Country", "Birth Date", "Birth Year", "Entry Status", "MSC Charge",
                "MSC Sentence Days", "MSC Sentence Months", "MSC Sentence Years", "MSC Charge Code", "MSC Charge Date",
                "MSC Conviction Date", "Aggravated Felon Yes No", "Processing Disposition", "Case Category",
                "TOA Case Category", "TOA Current Program", "Apprehension Method", "Final Order Yes No",
                "Final Order Date", "Apprehension Date", "Entry Date"));
        header.addAll(List.of("Prior Felony Yes No", "Multiple Prior Misd Yes No", "Violent Misdemeanor Yes No",
                "Illegal Entry Yes No", "Illegal Reentry Yes No", "Immigration Fraud Yes No", "Significant Risk Yes No",
                "Other Removal Reason Yes No", "Criminal Street Gang Yes No", "Aggravated Felony Yes No",
                "Deportation Ordered Yes No", "Order Show Cause Served Yes No", "Biometric Match Yes No",
                "Statements Made Yes No", "Unlawful Attempt Yes No", "Unlawful Entry Yes No", "Visa Yes No",
                "Federal Interest Yes No", "Resume Custody Yes No"));
        header.addAll(List.of("Detainer Lift Reason", "Detainer Lift Reason Code", "Active Investigation Yes No",
                "Arrest Warrant Served Date", "Detainer Type", "Notify Release Request Yes No", "TOD Current Duty Site",
                "EID DTA ID", "Anonymized Identifier"));
        if (!snakeCase) {
            return header;
        }
        Map<String, String> renamed = Map.of("Detainer Criminality", "detainer_prepared_criminality",
                "Detainer Facility", "detention_facility", "Detainer Facility Code", "detention_facility_code",
                "Detainer Threat Level", "detainer_prep_threat_level", "MSC Charge", "most_serious_conviction_charge",
                "Anonymized Identifier", "unique_identifier");
        return header.stream().map(h -> renamed.getOrDefault(h, h.toLowerCase().replace(' ', '_'))).toList();
    }

    private static String facility(String state, SplittableRandom random) {
        int n = random.nextInt(12);
        return state + " " + FACILITY_KINDS[n % FACILITY_KINDS.length] + " " + (1 + n / FACILITY_KINDS.length);
    }

    private static String aor(String state) {
        return state.charAt(0) + state.substring(1).toLowerCase() + " Area of Responsibility";
    }

    /**
     * Each facility's one city, drawn from the run's seed the first time the facility appears: a facility that
     * moved between nine cities from row to row made every facility nine places, and the place-keyed rollup nearly
     * as large as the rows.
     */
    private static final class Cities {
        private final long seed;
        private final Map<String, String> byFacility = new HashMap<>();

        Cities(long seed) {
            this.seed = seed;
        }

        /**
         * The facility's city. It takes one draw from {@code random} per row, as the per-row city did before, so
         * that every seed keeps its other columns.
         */
        String of(String facility, SplittableRandom random) {
            random.nextInt(CITIES_PER_STATE);
            return byFacility.computeIfAbsent(facility, f -> "CITY "
                    + (1 + new SplittableRandom(seed ^ f.hashCode()).nextInt(CITIES_PER_STATE)));
        }
    }

    private static String anonymizedId(SplittableRandom random) {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i += 8) {
            long value = random.nextLong();
            for (int b = 0; b < 8 && i + b < bytes.length; b++) {
                bytes[i + b] = (byte) (value >>> (8 * b));
            }
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** A value picked with probability proportional to its weight. */
    private static final class Weighted<T> {
        private final Object[] values;
        private final long[] cumulative;

        Weighted(LinkedHashMap<T, Integer> weights) {
            TreeMap<String, Map.Entry<T, Integer>> ordered = new TreeMap<>();
            weights.entrySet().forEach(e -> ordered.put(String.valueOf(e.getKey()), e));
            values = new Object[ordered.size()];
            cumulative = new long[ordered.size()];
            long total = 0;
            int i = 0;
            for (Map.Entry<T, Integer> e : ordered.values()) {
                total += e.getValue();
                values[i] = e.getKey();
                cumulative[i++] = total;
            }
        }

        @SuppressWarnings("unchecked")
        T pick(SplittableRandom random) {
            long r = random.nextLong(cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, r + 1);
            return (T) values[i >= 0 ? i : -i - 1];
        }
    }

    /**
     * Counts of what was written: rows, per lift reason, per state, declined per state, per month, duplicates, and
     * per most serious charge.
     */
    public static final class Tally {
        private long rows;
        private long duplicates;
        private final Map<String, Long> byLiftReason = new TreeMap<>();
        private final Map<String, Long> byState = new TreeMap<>();
        private final Map<String, Long> declinedByState = new TreeMap<>();
        private final Map<String, Long> byMonth = new TreeMap<>();
        private final Map<String, Long> byStateAndMonth = new TreeMap<>();
        private final Map<String, Long> declinedByStateAndMonth = new TreeMap<>();
        private final Map<String, Long> byStateAndDay = new TreeMap<>();
        private final Map<String, Long> byCharge = new TreeMap<>();

        void add(LocalDate date, String state, String liftReason, boolean duplicate) {
            rows++;
            if (duplicate) {
                duplicates++;
            }
            byLiftReason.merge(liftReason, 1L, Long::sum);
            byState.merge(state, 1L, Long::sum);
            String month = date.toString().substring(0, 7);
            if (liftReason.equals("Detainer Declined by LEA")) {
                declinedByState.merge(state, 1L, Long::sum);
                declinedByStateAndMonth.merge(state + "|" + month, 1L, Long::sum);
            }
            byMonth.merge(month, 1L, Long::sum);
            byStateAndMonth.merge(state + "|" + month, 1L, Long::sum);
            byStateAndDay.merge(state + "|" + date, 1L, Long::sum);
        }

        /** Modern layouts: keys are most serious charges as written ("" for none). */
        public Map<String, Long> byCharge() {
            return byCharge;
        }

        /** Keys are {@code STATE NAME|yyyy-MM-dd}, the state as written ("" for blank). */
        public Map<String, Long> byStateAndDay() {
            return byStateAndDay;
        }

        public long rows() {
            return rows;
        }

        /** Rows written as a repeat of the previous row's prepare date and identifier. */
        public long duplicates() {
            return duplicates;
        }

        /** Keys are lift reasons as written ("" for blank). */
        public Map<String, Long> byLiftReason() {
            return byLiftReason;
        }

        /** Keys are state names as written ("" for blank). */
        public Map<String, Long> byState() {
            return byState;
        }

        public Map<String, Long> declinedByState() {
            return declinedByState;
        }

        /** Keys are {@code yyyy-MM}. */
        public Map<String, Long> byMonth() {
            return byMonth;
        }

        /** Keys are {@code STATE NAME|yyyy-MM}, the state as written. */
        public Map<String, Long> byStateAndMonth() {
            return byStateAndMonth;
        }

        /** Declined by LEA; keys are {@code STATE NAME|yyyy-MM}. */
        public Map<String, Long> declinedByStateAndMonth() {
            return declinedByStateAndMonth;
        }
    }
}
