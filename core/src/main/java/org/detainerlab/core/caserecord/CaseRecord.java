package org.detainerlab.core.caserecord;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.detainerlab.core.curation.AttributedItem;
import org.detainerlab.core.curation.DatePrecision;
import org.detainerlab.core.facility.Facility;

/**
 * A curated case: a narrative in the platform's neutral words, and everything else as its sources state it. The
 * parts (sources, events, descriptors, links) belong to the record and are written with it.
 */
@Entity
@Table(name = "case_record")
public class CaseRecord extends AttributedItem {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String narrative;

    /** The facility as the source names it, kept even when it resolves to {@link #facility}. */
    @Column(name = "facility_name")
    public String facilityName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    public Facility facility;

    /** The source's own framing of the case, shown as a quotation of {@link #framingSource}, never as our words. */
    @Column(name = "framing_quote")
    public String framingQuote;

    @Column(name = "framing_source")
    public String framingSource;

    @Column(nullable = false)
    public boolean verified;

    @ElementCollection
    @CollectionTable(name = "case_record_jurisdiction", joinColumns = @JoinColumn(name = "case_record_id"))
    @Column(name = "code")
    public Set<String> jurisdictions = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "case_record_source", joinColumns = @JoinColumn(name = "case_record_id"))
    @OrderColumn(name = "position")
    public List<Source> sources = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_record_event", joinColumns = @JoinColumn(name = "case_record_id"))
    @OrderColumn(name = "position")
    public List<Event> events = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_record_descriptor", joinColumns = @JoinColumn(name = "case_record_id"))
    @OrderColumn(name = "position")
    public List<Descriptor> descriptors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_record_detainer_link", joinColumns = @JoinColumn(name = "case_record_id"))
    public List<DetainerLink> detainerLinks = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_record_link", joinColumns = @JoinColumn(name = "case_record_id"))
    public List<Link> links = new ArrayList<>();

    @Embeddable
    public static class Source {
        @Column(name = "source_key", nullable = false)
        public String key;
        @Column(nullable = false)
        public String citation;
        public String url;
        @Column(name = "published_on")
        public LocalDate publishedOn;
        public String quote;
    }

    @Embeddable
    public static class Event {
        @Column(name = "event_key", nullable = false)
        public String key;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public EventType type;
        @Column(name = "occurred_on")
        public LocalDate date;
        @Enumerated(EnumType.STRING)
        @Column(name = "date_precision")
        public DatePrecision precision;
        public String description;
        @Column(name = "source_key", nullable = false)
        public String source;
    }

    @Embeddable
    public static class Descriptor {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public DescriptorKind kind;
        @Column(nullable = false)
        public String value;
        @Column(name = "source_key", nullable = false)
        public String source;
        @Column(nullable = false)
        public String passage;
    }

    @Embeddable
    public static class DetainerLink {
        @Column(name = "release_id", nullable = false)
        public long releaseId;
        @Column(name = "source_sheet", nullable = false)
        public String sheet;
        @Column(name = "source_row", nullable = false)
        public int row;
    }

    @Embeddable
    public static class Link {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public LinkKind kind;
        @Column(nullable = false)
        public String ref;
    }
}
