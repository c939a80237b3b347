package org.detainerlab.core.detainer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

import org.detainerlab.core.facility.Facility;
import org.detainerlab.core.jurisdiction.Jurisdiction;
import org.detainerlab.core.release.DataRelease;

/**
 * One detainer as published. Raw source strings ({@code *Raw}) sit beside the resolved links; provenance
 * is the release (and so the file), the sheet and the 1-based row in that sheet, and it is the row's key. Rows are
 * written in bulk by
 * the ingest module (COPY), never one by one through this entity.
 */
@Entity
@Table(name = "detainer")
@IdClass(Detainer.Key.class)
public class Detainer {

    /** A row's identity is its provenance: release, sheet and row. */
    public record Key(long releaseId, String sourceSheet, int sourceRow) implements java.io.Serializable {
    }


    @Id
    @Column(name = "release_id")
    public long releaseId;
    @Id
    @Column(name = "source_sheet")
    public String sourceSheet;
    @Id
    @Column(name = "source_row")
    public int sourceRow;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "release_id", insertable = false, updatable = false)
    public DataRelease release;

    @Column(name = "prepare_date")
    public LocalDate prepareDate;
    @Column(name = "detainer_type")
    public String detainerType;

    @Column(name = "facility_raw")
    public String facilityRaw;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    public Facility facility;

    @Column(name = "state_raw")
    public String stateRaw;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "state_id")
    public Jurisdiction state;

    @Column(name = "city_raw")
    public String cityRaw;
    @Column(name = "lift_reason_raw")
    public String liftReasonRaw;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;
}
