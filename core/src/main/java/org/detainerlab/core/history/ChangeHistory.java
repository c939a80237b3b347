package org.detainerlab.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The history of curated items. A service records each change in the same transaction as the change itself,
 * so an item and its history never disagree. Before and after are the item's API views, serialised as JSON.
 */
@ApplicationScoped
public class ChangeHistory {

    private final ChangeRecordRepository records;
    private final ObjectMapper json;

    public ChangeHistory(ChangeRecordRepository records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String kind, long id, long version, ChangeAction action, String actor, String note,
                       Object before, Object after) {
        ChangeRecord change = new ChangeRecord();
        change.itemKind = kind;
        change.itemId = id;
        change.version = version;
        change.action = action;
        change.actor = actor;
        change.note = note;
        change.before = write(before);
        change.after = write(after);
        records.persist(change);
    }

    /** Oldest first. */
    @Transactional
    public List<ChangeView> of(String kind, long id) {
        return records.forItem(kind, id).stream()
                .map(c -> new ChangeView(c.version, c.action, c.actor, c.changedAt, c.note, read(c.before), read(c.after)))
                .toList();
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored change is not valid JSON", e);
        }
    }
}
