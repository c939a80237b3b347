package org.detainerlab.api.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.detainerlab.ingest.generate.Layout;
import org.detainerlab.ingest.generate.SyntheticReleases;

/** A release of generated rows in the modern ICE csv layout, uploaded through the API, and what was generated. */
public record GeneratedRelease(long id, SyntheticReleases.Tally tally) {

    /** Generates {@code rows} rows from {@code firstFiscalYear} on, uploads them as the admin and waits for the load. */
    public static GeneratedRelease load(String title, long rows, long seed, int firstFiscalYear) throws IOException {
        Path file = Files.createTempFile("generated-release", ".csv");
        SyntheticReleases.Tally tally = SyntheticReleases.write(Layout.ICE_MODERN_CSV, rows, seed, file, firstFiscalYear);
        return new GeneratedRelease(Jobs.loadRelease(file.toFile(), title), tally);
    }
}
