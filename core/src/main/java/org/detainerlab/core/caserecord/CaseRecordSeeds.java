package org.detainerlab.core.caserecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

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
        try (InputStream in = CaseRecordSeeds.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return json.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
