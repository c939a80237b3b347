package org.detainerlab.core.caserecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.detainerlab.core.common.FieldError;
import org.detainerlab.core.common.ImportKeys;
import org.detainerlab.core.common.InvalidQueryException;
import org.detainerlab.core.common.Page;
import org.detainerlab.core.common.ResourceNotFoundException;
import org.detainerlab.core.common.Revisions;
import org.detainerlab.core.common.TargetKind;
import org.detainerlab.core.common.Targets;
import org.detainerlab.core.common.ValidationFailedException;
import org.detainerlab.core.facility.FacilityRepository;
import org.detainerlab.core.history.ChangeAction;
import org.detainerlab.core.history.ChangeHistory;
import org.detainerlab.core.history.ChangeView;
import org.detainerlab.core.jurisdiction.JurisdictionRepository;

/**
 * Case records: search, read, and curated changes. Every change is checked against the version the curator read
 * (under a row lock) and recorded in the item's history in the same transaction.
 */
@ApplicationScoped
public class CaseRecordService {

    public static final int MAX_PAGE = 200;

    private final CaseRecordRepository records;
    private final JurisdictionRepository jurisdictions;
    private final FacilityRepository facilities;
    private final Targets targets;
    private final ChangeHistory history;
    private final Event<CaseNarrativeChanged> narrativeChanged;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Validator validator;

    public CaseRecordService(CaseRecordRepository records, JurisdictionRepository jurisdictions,
                             FacilityRepository facilities, Targets targets, ChangeHistory history,
                             Event<CaseNarrativeChanged> narrativeChanged, EntityManager entityManager,
                             ObjectMapper json, Validator validator) {
        this.records = records;
        this.jurisdictions = jurisdictions;
        this.facilities = facilities;
        this.targets = targets;
        this.history = history;
        this.narrativeChanged = narrativeChanged;
        this.entityManager = entityManager;
        this.json = json;
        this.validator = validator;
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

    @Transactional
    public CaseRecordView get(long id) {
        return CaseRecordView.of(find(id));
    }

    @Transactional
    public List<ChangeView> history(long id) {
        find(id);
        return history.of(CaseRecordView.KIND, id);
    }

    @Transactional
    public CaseRecordView create(@Valid CaseRecordInput input, String actor) {
        return create(input, actor, ChangeAction.CREATE, null);
    }

    /**
     * Imports a seed record once: {@code importKey} is remembered even if the record is later deleted, and a
     * second instance starting at the same time imports nothing.
     */
    @Transactional
    public boolean importOnce(String importKey, @Valid CaseRecordInput input, String note) {
        if (!ImportKeys.claim(entityManager, "case_record_import", importKey)) {
            return false;
        }
        create(input, "system", ChangeAction.IMPORT, note);
        return true;
    }

    private CaseRecordView create(CaseRecordInput input, String actor, ChangeAction action, String note) {
        CaseRecord record = new CaseRecord();
        record.version = 1;
        record.createdAt = OffsetDateTime.now();
        record.createdBy = actor;
        apply(record, input, actor);
        records.persistAndFlush(record);
        CaseRecordView created = CaseRecordView.of(record);
        history.record(CaseRecordView.KIND, record.id, record.version, action, actor, note, null, created);
        return created;
    }

    /** Replaces the whole record; {@code ifMatch} must name the current version. */
    @Transactional
    public CaseRecordView replace(long id, String ifMatch, @Valid CaseRecordInput input, String actor) {
        return replace(lock(id, ifMatch), input, actor);
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to the record as a curator would write it, then stores the result like
     * a full replace. The record is locked before it is read, so the patch applies to the version that If-Match named.
     */
    @Transactional
    public CaseRecordView patch(long id, String ifMatch, JsonNode mergePatch, String actor) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw ValidationFailedException.of("", "a merge patch must be a JSON object", null);
        }
        CaseRecord record = lock(id, ifMatch);
        JsonNode merged = merge(json.valueToTree(asInput(record)), mergePatch);
        CaseRecordInput input;
        try {
            input = json.treeToValue(merged, CaseRecordInput.class);
        } catch (JsonProcessingException e) {
            throw ValidationFailedException.of("", "the patched record cannot be read: " + e.getOriginalMessage(), null);
        }
        Set<ConstraintViolation<CaseRecordInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return replace(record, input, actor);
    }

    private CaseRecordView replace(CaseRecord record, CaseRecordInput input, String actor) {
        CaseRecordView before = CaseRecordView.of(record);
        apply(record, input, actor);
        record.version++;
        records.flush();
        CaseRecordView after = CaseRecordView.of(record);
        history.record(CaseRecordView.KIND, record.id, record.version, ChangeAction.UPDATE, actor, null, before, after);
        if (!before.narrative().equals(after.narrative())) {
            narrativeChanged.fire(new CaseNarrativeChanged(record.id, after.narrative(), actor));
        }
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch, String actor) {
        CaseRecord record = lock(id, ifMatch);
        CaseRecordView before = CaseRecordView.of(record);
        records.delete(record);
        records.flush();
        history.record(CaseRecordView.KIND, id, record.version + 1, ChangeAction.DELETE, actor, null, before, null);
        narrativeChanged.fire(new CaseNarrativeChanged(id, null, actor));
    }

    private CaseRecord find(long id) {
        return records.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("case record", id));
    }

    private CaseRecord lock(long id, String ifMatch) {
        CaseRecord record = records.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("case record", id));
        Revisions.requireMatch(ifMatch, CaseRecordView.KIND, id, record.version);
        return record;
    }

    private void apply(CaseRecord record, CaseRecordInput input, String actor) {
        List<FieldError> errors = check(input);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        record.title = input.title().trim();
        record.narrative = input.narrative();
        record.facility = input.facilityId() == null ? null : facilities.findById(input.facilityId());
        record.facilityName = blankToNull(input.facilityName());
        record.framingQuote = input.sourceFraming() == null ? null : input.sourceFraming().quote();
        record.framingSource = input.sourceFraming() == null ? null : input.sourceFraming().source();
        record.verified = input.verified();
        record.updatedAt = OffsetDateTime.now();
        record.updatedBy = actor;
        record.jurisdictions.clear();
        list(input.jurisdictions()).forEach(code -> record.jurisdictions.add(code.trim().toUpperCase()));
        record.sources.clear();
        for (CaseRecordInput.Source s : input.sources()) {
            CaseRecord.Source source = new CaseRecord.Source();
            source.key = s.key();
            source.citation = s.citation().trim();
            source.url = blankToNull(s.url());
            source.publishedOn = s.publishedOn();
            source.quote = blankToNull(s.quote());
            record.sources.add(source);
        }
        record.events.clear();
        for (CaseRecordInput.Event e : list(input.events())) {
            CaseRecord.Event event = new CaseRecord.Event();
            event.key = e.key();
            event.type = e.type();
            event.precision = e.date() == null ? null : e.precision();
            event.date = e.date() == null ? null : e.precision().firstDay(e.date());
            event.description = blankToNull(e.description());
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
    private List<FieldError> check(CaseRecordInput input) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> sourceKeys = new HashSet<>();
        for (int i = 0; i < input.sources().size(); i++) {
            if (!sourceKeys.add(input.sources().get(i).key())) {
                errors.add(new FieldError("sources[" + i + "].key", "is used by another source of this record",
                        input.sources().get(i).key()));
            }
        }
        Set<String> eventKeys = new HashSet<>();
        List<CaseRecordInput.Event> events = list(input.events());
        for (int i = 0; i < events.size(); i++) {
            CaseRecordInput.Event e = events.get(i);
            if (!eventKeys.add(e.key())) {
                errors.add(new FieldError("events[" + i + "].key", "is used by another event of this record", e.key()));
            }
            if (e.date() != null && e.precision() == null) {
                errors.add(new FieldError("events[" + i + "].precision", "is required with a date (DAY, MONTH or YEAR)",
                        null));
            }
            if (e.date() == null && e.precision() != null) {
                errors.add(new FieldError("events[" + i + "].date", "is required with a precision", null));
            }
            requireSource(errors, sourceKeys, "events[" + i + "].source", e.source());
        }
        List<CaseRecordInput.Descriptor> subject = list(input.subject());
        for (int i = 0; i < subject.size(); i++) {
            requireSource(errors, sourceKeys, "subject[" + i + "].source", subject.get(i).source());
        }
        if (input.sourceFraming() != null) {
            requireSource(errors, sourceKeys, "sourceFraming.source", input.sourceFraming().source());
        }
        List<String> codes = list(input.jurisdictions());
        for (int i = 0; i < codes.size(); i++) {
            if (jurisdictions.findByCode(codes.get(i).trim().toUpperCase()).isEmpty()) {
                errors.add(new FieldError("jurisdictions[" + i + "]", "is not a known jurisdiction code", codes.get(i)));
            }
        }
        if (input.facilityId() != null && facilities.findByIdOptional(input.facilityId()).isEmpty()) {
            errors.add(new FieldError("facilityId", "is not a known facility", input.facilityId()));
        }
        List<CaseRecordInput.DetainerRow> rows = list(input.detainerRows());
        for (int i = 0; i < rows.size(); i++) {
            CaseRecordInput.DetainerRow r = rows.get(i);
            targets.check(TargetKind.DETAINER_ROW, r.releaseId() + "/" + r.sheet() + "/" + r.row(),
                    "detainerRows[" + i + "]").ifPresent(errors::add);
        }
        checkLinks(errors, "policies", TargetKind.POLICY, input.policies());
        checkLinks(errors, "rulings", TargetKind.RULING, input.rulings());
        return errors;
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

    private static CaseRecordInput asInput(CaseRecord c) {
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

    /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
