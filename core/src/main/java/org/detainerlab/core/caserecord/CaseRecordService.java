package org.detainerlab.core.caserecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.Targets;
import org.detainerlab.core.curation.CuratedItems;
import org.detainerlab.core.curation.Curation;
import org.detainerlab.core.curation.ItemKind;
import org.detainerlab.core.facility.FacilityRepository;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;

/**
 * Case records: search and reading, and what {@link CuratedItems} needs to edit them (If-Match under a row lock,
 * every change in the history): how a record is checked and written, and that annotations learn of a changed or
 * deleted narrative.
 */
@ApplicationScoped
public class CaseRecordService
        extends CuratedItems<CaseRecord, CaseRecordInput, CaseRecordView, CaseRecordInput> {

    public static final int MAX_PAGE = 200;
    private static final ItemKind<CaseRecordInput> ITEM = new ItemKind<>(CaseRecordView.KIND, "case record",
            "case records", CaseRecordInput.class);
    /** The public, anonymised cases of the project's domain facts, imported once by {@code system}. */
    public static final Seeds SEEDS = new Seeds("seed/case-records.json", "records", "record", "case_record_import");

    private final CaseRecordRepository records;
    private final JurisdictionRepository jurisdictions;
    private final FacilityRepository facilities;
    private final Targets targets;
    private final Event<CaseNarrativeChanged> narrativeChanged;

    public CaseRecordService(CaseRecordRepository records, JurisdictionRepository jurisdictions,
                             FacilityRepository facilities, Targets targets,
                             Event<CaseNarrativeChanged> narrativeChanged) {
        this.records = records;
        this.jurisdictions = jurisdictions;
        this.facilities = facilities;
        this.targets = targets;
        this.narrativeChanged = narrativeChanged;
        curate(ITEM, records);
    }

    @Override
    protected CaseRecordView view(CaseRecord record) {
        return CaseRecordView.of(record);
    }

    @Transactional
    public Page<CaseRecordSummary> search(String q, String jurisdiction, EventType eventType, LocalDate from,
                                          LocalDate to, int page, int size) {
        String code = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.trim().toUpperCase();
        if (code != null && jurisdictions.findByCode(code).isEmpty()) {
            throw new InvalidQueryException("jurisdiction", "'" + jurisdiction + "' is not a known jurisdiction code");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "must not be after 'to'");
        }
        return records.search(q, code, eventType, from, to, page, Math.min(Math.max(size, 1), MAX_PAGE))
                .map(CaseRecordSummary::of);
    }

    /** Annotations on a narrative follow its changes, and are kept, orphaned, when the record is deleted. */
    @Override
    protected void changed(long id, CaseRecordView before, CaseRecordView after, String actor) {
        if (after == null || !before.narrative().equals(after.narrative())) {
            narrativeChanged.fire(new CaseNarrativeChanged(id, after == null ? null : after.narrative(), actor));
        }
    }

    @Override
    protected void write(CaseRecord record, CaseRecordInput input, String actor) {
        record.title = input.title().trim();
        record.narrative = input.narrative();
        record.facility = input.facilityId() == null ? null : facilities.findById(input.facilityId());
        record.facilityName = Curation.blankToNull(input.facilityName());
        record.framingQuote = input.sourceFraming() == null ? null : input.sourceFraming().quote();
        record.framingSource = input.sourceFraming() == null ? null : input.sourceFraming().source();
        record.verified = input.verified();
        record.stamp(actor);
        record.jurisdictions.clear();
        list(input.jurisdictions()).forEach(code -> record.jurisdictions.add(code.trim().toUpperCase()));
        record.sources.clear();
        for (CaseRecordInput.Source s : input.sources()) {
            CaseRecord.Source source = new CaseRecord.Source();
            source.key = s.key();
            source.citation = s.citation().trim();
            source.url = Curation.blankToNull(s.url());
            source.publishedOn = s.publishedOn();
            source.quote = Curation.blankToNull(s.quote());
            record.sources.add(source);
        }
        record.events.clear();
        for (CaseRecordInput.Event e : list(input.events())) {
            CaseRecord.Event event = new CaseRecord.Event();
            event.key = e.key();
            event.type = e.type();
            event.precision = e.date() == null ? null : e.precision();
            event.date = e.date() == null ? null : e.precision().firstDay(e.date());
            event.description = Curation.blankToNull(e.description());
            event.source = e.source();
            record.events.add(event);
        }
        record.descriptors.clear();
        for (CaseRecordInput.Descriptor d : list(input.subject())) {
            CaseRecord.Descriptor descriptor = new CaseRecord.Descriptor();
            descriptor.kind = d.kind();
            descriptor.value = d.value().trim();
            descriptor.source = d.source();
            descriptor.passage = d.passage();
            record.descriptors.add(descriptor);
        }
        record.detainerLinks.clear();
        for (CaseRecordInput.DetainerRow r : list(input.detainerRows())) {
            CaseRecord.DetainerLink link = new CaseRecord.DetainerLink();
            link.releaseId = r.releaseId();
            link.sheet = r.sheet();
            link.row = r.row();
            record.detainerLinks.add(link);
        }
        record.links.clear();
        addLinks(record, LinkKind.POLICY, input.policies());
        addLinks(record, LinkKind.RULING, input.rulings());
    }

    private static void addLinks(CaseRecord record, LinkKind kind, List<String> refs) {
        for (String ref : new LinkedHashSet<>(list(refs))) {
            CaseRecord.Link link = new CaseRecord.Link();
            link.kind = kind;
            link.ref = ref.trim();
            record.links.add(link);
        }
    }

    /** Every rule a record must meet beyond its field constraints, all reported at once. */
    @Override
    protected CaseRecordInput check(CaseRecordInput input, Checking<CaseRecordView> context, List<FieldError> errors) {
        String at = context.at();
        int failures = errors.size();
        Set<String> sourceKeys = new HashSet<>();
        for (int i = 0; i < input.sources().size(); i++) {
            if (!sourceKeys.add(input.sources().get(i).key())) {
                errors.add(new FieldError(at + "sources[" + i + "].key",
                        "is used by another source of this record", input.sources().get(i).key()));
            }
        }
        Set<String> eventKeys = new HashSet<>();
        List<CaseRecordInput.Event> events = list(input.events());
        for (int i = 0; i < events.size(); i++) {
            CaseRecordInput.Event e = events.get(i);
            if (!eventKeys.add(e.key())) {
                errors.add(new FieldError(at + "events[" + i + "].key", "is used by another event of this record",
                        e.key()));
            }
            if (e.date() != null && e.precision() == null) {
                errors.add(new FieldError(at + "events[" + i + "].precision",
                        "is required with a date (DAY, MONTH or YEAR)", null));
            }
            if (e.date() == null && e.precision() != null) {
                errors.add(new FieldError(at + "events[" + i + "].date", "is required with a precision", null));
            }
            requireSource(errors, sourceKeys, at + "events[" + i + "].source", e.source());
        }
        List<CaseRecordInput.Descriptor> subject = list(input.subject());
        for (int i = 0; i < subject.size(); i++) {
            requireSource(errors, sourceKeys, at + "subject[" + i + "].source", subject.get(i).source());
        }
        if (input.sourceFraming() != null) {
            requireSource(errors, sourceKeys, at + "sourceFraming.source", input.sourceFraming().source());
        }
        List<String> codes = list(input.jurisdictions());
        for (int i = 0; i < codes.size(); i++) {
            if (jurisdictions.findByCode(codes.get(i).trim().toUpperCase()).isEmpty()) {
                errors.add(new FieldError(at + "jurisdictions[" + i + "]", "is not a known jurisdiction code",
                        codes.get(i)));
            }
        }
        if (input.facilityId() != null && facilities.findByIdOptional(input.facilityId()).isEmpty()) {
            errors.add(new FieldError(at + "facilityId", "is not a known facility", input.facilityId()));
        }
        List<CaseRecordInput.DetainerRow> rows = list(input.detainerRows());
        for (int i = 0; i < rows.size(); i++) {
            CaseRecordInput.DetainerRow r = rows.get(i);
            targets.check(TargetKind.DETAINER_ROW, r.releaseId() + "/" + r.sheet() + "/" + r.row(),
                    at + "detainerRows[" + i + "]").ifPresent(errors::add);
        }
        checkLinks(errors, at + "policies", TargetKind.POLICY, input.policies());
        checkLinks(errors, at + "rulings", TargetKind.RULING, input.rulings());
        return errors.size() > failures ? null : input;
    }

    private void checkLinks(List<FieldError> errors, String field, TargetKind kind, List<String> refs) {
        List<String> all = list(refs);
        for (int i = 0; i < all.size(); i++) {
            targets.check(kind, all.get(i).trim(), field + "[" + i + "]").ifPresent(errors::add);
        }
    }

    private static void requireSource(List<FieldError> errors, Set<String> sourceKeys, String field, String key) {
        if (key != null && !sourceKeys.contains(key)) {
            errors.add(new FieldError(field, "must be the key of one of this record's sources", key));
        }
    }

    @Override
    protected CaseRecordInput inputOf(CaseRecord c) {
        CaseRecordView v = CaseRecordView.of(c);
        return new CaseRecordInput(v.title(), v.narrative(), v.jurisdictions(),
                c.facility == null ? null : c.facility.id, c.facilityName,
                v.subject().stream().map(d -> new CaseRecordInput.Descriptor(d.kind(), d.value(), d.source(),
                        d.passage())).toList(),
                v.sourceFraming() == null ? null
                        : new CaseRecordInput.Framing(v.sourceFraming().quote(), v.sourceFraming().source()),
                v.events().stream().map(e -> new CaseRecordInput.Event(e.key(), e.type(), e.date(), e.precision(),
                        e.description(), e.source())).toList(),
                v.sources().stream().map(s -> new CaseRecordInput.Source(s.key(), s.citation(), s.url(),
                        s.publishedOn(), s.quote())).toList(),
                v.detainerRows().stream().map(r -> new CaseRecordInput.DetainerRow(r.releaseId(), r.sheet(),
                        r.row())).toList(),
                v.policies(), v.rulings(), v.verified());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
