package org.detainerlab.core.caserecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.detainerlab.core.curation.CuratedView;
import org.detainerlab.core.curation.DatePrecision;

/**
 * A case record as the API shows it. {@code sourceFraming} is a quotation with its source, never platform text;
 * each descriptor and event names its source.
 */
public record CaseRecordView(long id, long version, String title, String narrative, List<String> jurisdictions,
                             FacilityRef facility, List<Descriptor> subject, Quotation sourceFraming,
                             List<Event> events, List<Source> sources, List<DetainerRow> detainerRows,
                             List<String> policies, List<String> rulings, boolean verified,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy)
        implements CuratedView {

    public static final String KIND = "case-record";

    public record FacilityRef(Long id, String name) {
    }

    public record Descriptor(DescriptorKind kind, String value, String source, String passage) {
    }

    public record Quotation(String quote, String source, String citation) {
    }

    public record Event(String key, EventType type, LocalDate date, DatePrecision precision, String description,
                        String source) {
    }

    public record Source(String key, String citation, String url, LocalDate publishedOn, String quote) {
    }

    public record DetainerRow(long releaseId, String sheet, int row) {
    }

    static CaseRecordView of(CaseRecord c) {
        FacilityRef facility = c.facility == null && c.facilityName == null ? null
                : new FacilityRef(c.facility == null ? null : c.facility.id, c.facilityName);
        Quotation framing = c.framingQuote == null ? null : new Quotation(c.framingQuote, c.framingSource,
                c.sources.stream().filter(s -> s.key.equals(c.framingSource)).map(s -> s.citation).findFirst()
                        .orElse(null));
        return new CaseRecordView(c.id, c.version, c.title, c.narrative, List.copyOf(c.jurisdictions), facility,
                c.descriptors.stream().map(d -> new Descriptor(d.kind, d.value, d.source, d.passage)).toList(),
                framing,
                c.events.stream().map(e -> new Event(e.key, e.type, e.date, e.precision, e.description, e.source))
                        .toList(),
                c.sources.stream().map(s -> new Source(s.key, s.citation, s.url, s.publishedOn, s.quote)).toList(),
                c.detainerLinks.stream().map(l -> new DetainerRow(l.releaseId, l.sheet, l.row)).toList(),
                refs(c, LinkKind.POLICY), refs(c, LinkKind.RULING), c.verified,
                c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }

    private static List<String> refs(CaseRecord c, LinkKind kind) {
        return c.links.stream().filter(l -> l.kind == kind).map(l -> l.ref).toList();
    }
}
