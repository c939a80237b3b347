package org.detainerlab.core.claim;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import org.detainerlab.core.common.SeedResource;

/**
 * The seed claims ({@code seed/claims.json}: the published claims of the project's domain facts and the two FY2015
 * checks), imported through the service so that each has an IMPORT entry by {@code system} in its history.
 */
@ApplicationScoped
public class ClaimSeeds {

    static final String RESOURCE = "seed/claims.json";

    record Seed(String key, String note, ClaimInput claim) {
    }

    record SeedFile(String about, List<Seed> claims) {
    }

    private final ClaimService service;
    private final ObjectMapper json;

    public ClaimSeeds(ClaimService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Imports the seeds not imported before; returns how many were imported now. */
    public int importNew() {
        int imported = 0;
        for (Seed seed : read().claims()) {
            if (service.importOnce(seed.key(), seed.claim(), seed.note())) {
                imported++;
            }
        }
        return imported;
    }

    private SeedFile read() {
        return SeedResource.read(json, RESOURCE, SeedFile.class);
    }
}
