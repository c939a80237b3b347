package org.detainerlab.ingest.normalise;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.ingest.LiftReasons;
import org.detainerlab.ingest.map.Field;
import org.detainerlab.ingest.map.SheetLayout;
import org.detainerlab.ingest.read.SourceRow;
import org.detainerlab.ingest.report.Rule;
import org.detainerlab.ingest.report.ValidationReport;

/**
 * Turns a source row into a {@link NormalisedRow}: missing tokens and redaction markers recognised, the prepare
 * date parsed and checked, state and facility resolved, the lift reason mapped to an outcome, the birth year and
 * Yes/No flags interpreted. Every failed check is recorded in the report with the row's sheet, row and column.
 */
public final class RowNormaliser {

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final Field[] FIELDS = Field.values();

    private final ReferenceData reference;
    private final ValidationReport report;
    private final LocalDate latest;
    private final int thisYear;
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, DateParser> dateParsers = new HashMap<>();
    private final DuplicateFinder duplicates = new DuplicateFinder();

    public RowNormaliser(ReferenceData reference, ValidationReport report, LocalDate today) {
        this.reference = reference;
        this.report = report;
        this.latest = today.plusDays(1);
        this.thisYear = Year.from(today).getValue();
    }

    /**
     * Fills {@code target} from {@code source}; false when the row is rejected (it is then counted as such in the
     * report and must not be loaded).
     */
    public boolean normalise(SourceRow source, SheetLayout layout, NormalisedRow target) {
        report.rowRead();
        target.reset(source.sheet(), source.rowNumber());
        Set<String> missing = layout.profile().missingTokens();
        for (Field field : FIELDS) {
            int column = layout.column(field);
            if (column < 0) {
                continue;
            }
            String cell = source.cell(column);
            if (cell.isBlank() || missing.contains(cell.strip())) {
                continue;
            }
            if (Redaction.isMarker(cell)) {
                target.redacted |= 1 << field.ordinal();
                report.hit(Rule.REDACTED, source.sheet(), source.rowNumber(), layout.describe(field), cell);
                continue;
            }
            target.text[field.ordinal()] = cell;
        }
        if (!prepareDate(source, layout, target)) {
            report.rowRejected();
            return false;
        }
        resolvePlaces(source, layout, target);
        target.outcome = outcome(source, layout, target.text(Field.LIFT_REASON));
        target.birthYear = birthYear(source, layout, target.text(Field.BIRTH_YEAR));
        target.finalOrder = flag(source, layout, Field.FINAL_ORDER, target.text(Field.FINAL_ORDER));
        target.notifyReleaseRequest = flag(source, layout, Field.NOTIFY_RELEASE_REQUEST,
                target.text(Field.NOTIFY_RELEASE_REQUEST));
        String identifier = target.text(Field.ANONYMIZED_ID);
        if (identifier != null && target.prepareDate != null && duplicates.seenBefore(target.prepareDate, identifier)) {
            target.likelyDuplicate = true;
            report.hit(Rule.LIKELY_DUPLICATE, source.sheet(), source.rowNumber(), layout.describe(Field.ANONYMIZED_ID),
                    identifier);
        }
        return true;
    }

    private boolean prepareDate(SourceRow source, SheetLayout layout, NormalisedRow target) {
        String text = target.text(Field.PREPARE_DATE);
        if (text == null) {
            if (!target.isRedacted(Field.PREPARE_DATE)) {
                report.hit(Rule.PREPARE_DATE_MISSING, source.sheet(), source.rowNumber(),
                        layout.describe(Field.PREPARE_DATE), "");
            }
            return true;
        }
        LocalDate date = dateParsers.computeIfAbsent(layout.profile().name(),
                n -> new DateParser(layout.profile().dateFormats())).parse(text.strip());
        if (date == null) {
            report.hit(Rule.PREPARE_DATE_UNPARSEABLE, source.sheet(), source.rowNumber(),
                    layout.describe(Field.PREPARE_DATE), text);
            return false;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            report.hit(Rule.PREPARE_DATE_OUT_OF_RANGE, source.sheet(), source.rowNumber(),
                    layout.describe(Field.PREPARE_DATE), text);
            return false;
        }
        target.prepareDate = date;
        return true;
    }

    private void resolvePlaces(SourceRow source, SheetLayout layout, NormalisedRow target) {
        String state = target.text(Field.STATE);
        if (state != null) {
            target.stateId = reference.state(state);
            if (target.stateId == null) {
                report.hit(Rule.STATE_UNRESOLVED, source.sheet(), source.rowNumber(), layout.describe(Field.STATE), state);
            }
        }
        String facility = target.text(Field.FACILITY);
        if (facility != null) {
            target.facilityId = reference.facility(facility);
            if (target.facilityId == null) {
                report.count(Rule.FACILITY_UNRESOLVED, 1);
                report.unresolvedFacility(facility.strip());
            }
        }
    }

    private Outcome outcome(SourceRow source, SheetLayout layout, String liftReason) {
        if (liftReason == null) {
            return Outcome.UNKNOWN;
        }
        Outcome known = outcomes.get(liftReason);
        if (known == null) {
            Optional<Outcome> mapped = LiftReasons.outcomeOf(liftReason);
            known = mapped.orElse(Outcome.OTHER_CLOSED);
            if (mapped.isPresent()) {
                outcomes.put(liftReason, known);
            } else {
                report.hit(Rule.LIFT_REASON_UNMAPPED, source.sheet(), source.rowNumber(),
                        layout.describe(Field.LIFT_REASON), liftReason);
            }
        }
        return known;
    }

    private int birthYear(SourceRow source, SheetLayout layout, String text) {
        if (text == null) {
            return -1;
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= 1900 && year <= thisYear) {
                return year;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        report.hit(Rule.BIRTH_YEAR_INVALID, source.sheet(), source.rowNumber(), layout.describe(Field.BIRTH_YEAR), text);
        return -1;
    }

    private byte flag(SourceRow source, SheetLayout layout, Field field, String text) {
        if (text == null) {
            return NormalisedRow.UNKNOWN;
        }
        switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "YES", "Y", "TRUE", "1" -> {
                return 1;
            }
            case "NO", "N", "FALSE", "0" -> {
                return 0;
            }
            default -> {
                report.hit(Rule.FLAG_INVALID, source.sheet(), source.rowNumber(), layout.describe(field), text);
                return NormalisedRow.UNKNOWN;
            }
        }
    }
}
