package org.detainerlab.core.place;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICE detention facility codes with their published address ({@code reference/facility-locations-oct2025.tsv} in
 * the data folder, from the Deportation Data Project, CC0), read at run time and never committed. Absent file:
 * no code can be resolved, and places that carry a code say so in their evidence.
 */
public final class FacilityReference {

    /** One reference row as published. */
    public record Entry(String code, String name, String address, String city, String state, String latitude,
                        String longitude) {

        private static final Pattern ZIP = Pattern.compile("\\b(\\d{5})(-\\d{4})?\\s*$");

        /** The 5-digit ZIP code at the end of the address, or null. */
        public String zip() {
            Matcher m = ZIP.matcher(address == null ? "" : address.replace("\"", "").trim());
            return m.find() ? m.group(1) : null;
        }
    }

    public static final String FILE = "reference/facility-locations-oct2025.tsv";

    private final Map<String, Entry> byCode;
    private final String source;

    private FacilityReference(Map<String, Entry> byCode, String source) {
        this.byCode = byCode;
        this.source = source;
    }

    /**
     * The data folder: {@code DETAINERLAB_DATA_DIR}, else {@code shared/data} beside the project root (the system
     * property {@code detainerlab.project.root}, which the launcher and the build set, else the working directory).
     */
    public static Path dataDir() {
        String configured = System.getenv("DETAINERLAB_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("detainerlab.project.root", ".")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("data");
    }

    public static FacilityReference load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new FacilityReference(Map.of(), null);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Map<String, Entry> entries = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length >= 7 && !f[0].isBlank()) {
                    Entry entry = new Entry(f[0].trim().toUpperCase(Locale.ROOT), f[1].trim(), f[4].replace("\"", "").trim(),
                            f[5].trim(), f[6].trim(), f[2].trim(), f[3].trim());
                    entries.put(entry.code(), entry);
                }
            }
            return new FacilityReference(Map.copyOf(entries), FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static FacilityReference none() {
        return new FacilityReference(Map.of(), null);
    }

    public Entry find(String code) {
        return byCode.get(code);
    }

    /** Every entry, for checks over the whole list. */
    public Collection<Entry> entries() {
        return byCode.values();
    }

    /** The file the entries came from, or null when it was not found. */
    public String source() {
        return source;
    }
}
