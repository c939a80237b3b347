package org.detainerlab.core.history;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ChangeRecordRepository implements PanacheRepository<ChangeRecord> {

    public List<ChangeRecord> forItem(String kind, long id) {
        return list("itemKind = ?1 and itemId = ?2 order by version, id", kind, id);
    }
}
