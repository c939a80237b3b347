package org.detainerlab.ingest.normalise;

import java.time.LocalDate;

import org.detainerlab.core.detainer.Outcome;
import org.detainerlab.ingest.map.Field;

/**
 * One row after normalisation, ready to be written: raw texts (null when missing or redacted), the values
 * resolved from them, and which fields were redacted. One instance is reused for every row of a load.
 */
public final class NormalisedRow {

    /** Flag values: missing, no, yes. */
    public static final byte UNKNOWN = -1;

    String sheet;
    int row;
    final String[] text = new String[Field.values().length];
    LocalDate prepareDate;
    Long stateId;
    Long facilityId;
    Outcome outcome;
    int birthYear;
    byte finalOrder;
    byte notifyReleaseRequest;
    int redacted;
    boolean likelyDuplicate;

    void reset(String sheet, int row) {
        this.sheet = sheet;
        this.row = row;
        java.util.Arrays.fill(text, null);
        prepareDate = null;
        stateId = null;
        facilityId = null;
        outcome = null;
        birthYear = -1;
        finalOrder = UNKNOWN;
        notifyReleaseRequest = UNKNOWN;
        redacted = 0;
        likelyDuplicate = false;
    }

    public String sheet() {
        return sheet;
    }

    public int row() {
        return row;
    }

    /** The source text of a field as published, or null when blank, a missing token, or redacted. */
    public String text(Field field) {
        return text[field.ordinal()];
    }

    public LocalDate prepareDate() {
        return prepareDate;
    }

    public Long stateId() {
        return stateId;
    }

    public Long facilityId() {
        return facilityId;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The birth year, or -1 when missing or invalid. */
    public int birthYear() {
        return birthYear;
    }

    public byte finalOrder() {
        return finalOrder;
    }

    public byte notifyReleaseRequest() {
        return notifyReleaseRequest;
    }

    /** A later row with the same prepare date and anonymised identifier as an earlier row of the release. */
    public boolean likelyDuplicate() {
        return likelyDuplicate;
    }

    public boolean isRedacted(Field field) {
        return (redacted & (1 << field.ordinal())) != 0;
    }

    public boolean anyRedacted() {
        return redacted != 0;
    }
}
