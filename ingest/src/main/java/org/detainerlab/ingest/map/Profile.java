package org.detainerlab.ingest.map;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one published layout names its columns: source header to {@link Field} (several headers may name the same
 * field, e.g. the older 2025 {@code Detention Facility} and the newer {@code Detainer Facility}), which fields a
 * header row must have, the date formats of text dates, and which cell texts mean "missing".
 */
public record Profile(String name, String description, Map<String, Field> columns, Set<Field> required,
                      List<String> dateFormats, Set<String> missingTokens, Map<Field, String> displayHeaders) {

    /** {@code columns} in the order to show them: the first header of each field is the one messages name. */
    public Profile(String name, String description, Map<String, Field> columns, Set<Field> required,
                   List<String> dateFormats, Set<String> missingTokens) {
        this(name, description, columns, required, dateFormats, missingTokens, firstHeaders(columns));
    }

    public Profile {
        Map<String, Field> normalised = new LinkedHashMap<>();
        columns.forEach((header, field) -> normalised.put(normaliseHeader(header), field));
        columns = Collections.unmodifiableMap(normalised);
        displayHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(displayHeaders));
        required = Collections.unmodifiableSet(EnumSet.copyOf(required));
        dateFormats = List.copyOf(dateFormats);
        missingTokens = Set.copyOf(missingTokens);
    }

    /** Headers compare case-insensitively, with surrounding and repeated inner white space ignored. */
    public static String normaliseHeader(String header) {
        return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The field a header names in this profile, or null. */
    public Field fieldOf(String header) {
        return columns.get(normaliseHeader(header));
    }

    private static Map<Field, String> firstHeaders(Map<String, Field> columns) {
        Map<Field, String> first = new LinkedHashMap<>();
        columns.forEach((header, field) -> first.putIfAbsent(field, header));
        return first;
    }

    /** The header of each required field as published, in the layout's column order, for messages. */
    public List<String> expectedHeaders() {
        return displayHeaders.entrySet().stream().filter(e -> required.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }
}
