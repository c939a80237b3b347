package org.detainerlab.core.job;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class IngestJobRepository implements PanacheRepository<IngestJob> {
}
