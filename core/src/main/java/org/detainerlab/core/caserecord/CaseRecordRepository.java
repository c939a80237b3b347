package org.detainerlab.core.caserecord;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.detainerlab.core.common.Page;
import org.detainerlab.core.curation.ItemRepository;

@ApplicationScoped
public class CaseRecordRepository implements ItemRepository<CaseRecord> {

    @Override
    public Class<CaseRecord> entityType() {
        return CaseRecord.class;
    }

    /**
     * Case records matching every given criterion: {@code q} in title or narrative (case-insensitive), a
     * jurisdiction code, and one event that has {@code eventType} and falls within {@code from}..{@code to}.
     */
    public Page<CaseRecord> search(String q, String jurisdiction, EventType eventType, LocalDate from, LocalDate to,
                                   int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("(lower(c.title) like :q or lower(c.narrative) like :q)");
            parameters.and("q", "%" + q.trim().toLowerCase() + "%");
        }
        if (jurisdiction != null) {
            where.add(":jurisdiction member of c.jurisdictions");
            parameters.and("jurisdiction", jurisdiction);
        }
        if (eventType != null || from != null || to != null) {
            List<String> event = new ArrayList<>();
            if (eventType != null) {
                event.add("e.type = :eventType");
                parameters.and("eventType", eventType);
            }
            if (from != null) {
                event.add("e.date >= :from");
                parameters.and("from", from);
            }
            if (to != null) {
                event.add("e.date <= :to");
                parameters.and("to", to);
            }
            where.add("exists (select 1 from CaseRecord d join d.events e where d = c and " + String.join(" and ", event)
                    + ")");
        }
        String query = "from CaseRecord c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        Page.requireReachable(page, size);
        var found = find(query, Sort.by("title").and("id"), parameters);
        return new Page<>(found.page(page, size).list(), found.count(), page, size);
    }

    public boolean eventExists(long caseRecordId, String eventKey) {
        return count("select count(c) from CaseRecord c join c.events e where c.id = ?1 and e.key = ?2",
                caseRecordId, eventKey) > 0;
    }
}
