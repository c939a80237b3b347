package org.detainerlab.core.release;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class DataReleaseRepository implements PanacheRepository<DataRelease> {

    public Optional<DataRelease> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }
}
