package org.detainerlab.core.caserecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

import org.detainerlab.core.common.SeedResource;

/**
 * The seed case records ({@code seed/case-records.json}: the public, anonymised cases of the project's domain
 * facts), imported through the service so that each has an IMPORT entry by {@code system} in its history.
 */
@ApplicationScoped
public class CaseRecordSeeds {

    static final String RESOURCE = "seed/case-records.json";

    record Seed(String key, String note, CaseRecordInput record) {
    }

    record SeedFile(String about, List<Seed> records) {
    }

    private final CaseRecordService service;
    private final ObjectMapper json;

    public CaseRecordSeeds(CaseRecordService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Imports the seeds not imported before; returns how many were imported now. */
    public int importNew() {
        int imported = 0;
        for (Seed seed : read().records()) {
            if (service.importOnce(seed.key(), seed.record(), seed.note())) {
                imported++;
            }
        }
        return imported;
    }

    private SeedFile read() {
        return SeedResource.read(json, RESOURCE, SeedFile.class);
    }
}
