package org.detainerlab.ingest.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user-supplied mapping for a layout no built-in profile knows. JSON, documented in
 * {@code docs/data-dictionary.md}:
 *
 * <pre>
 * {
 *   "name": "county-jail-export",
 *   "columns": { "Date Prepared": "prepare_date", "ST": "state", "Jail": "facility", "Result": "lift_reason" },
 *   "required": ["prepare_date", "state"],
 *   "dateFormats": ["dd.MM.yyyy"],
 *   "missing": ["NA", "-"]
 * }
 * </pre>
 * {@code required} defaults to every mapped field; {@code dateFormats} to ISO dates; {@code missing} to none
 * (empty cells are always missing).
 */
public final class MappingFile {

    private MappingFile() {
    }

    public static Profile read(Path file) throws InvalidMappingException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidMappingException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("columns").isObject() || root.path("columns").isEmpty()) {
            throw new InvalidMappingException(file + ": expected a JSON object with a non-empty \"columns\" object"
                    + " (source header -> field)");
        }
        Map<String, Field> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        root.path("columns").fields().forEachRemaining(e -> Field.byKey(e.getValue().asText()).ifPresentOrElse(
                field -> columns.put(e.getKey(), field),
                () -> problems.add("column \"" + e.getKey() + "\" maps to unknown field \"" + e.getValue().asText() + "\"")));
        Set<Field> required = EnumSet.noneOf(Field.class);
        if (root.has("required")) {
            root.path("required").forEach(n -> Field.byKey(n.asText()).ifPresentOrElse(required::add,
                    () -> problems.add("required field \"" + n.asText() + "\" is unknown")));
        } else {
            required.addAll(columns.values());
        }
        required.stream().filter(f -> !columns.containsValue(f))
                .forEach(f -> problems.add("required field \"" + f.key() + "\" is not mapped from any column"));
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(file + ": " + String.join("; ", problems) + ". Known fields: "
                    + List.of(Field.values()).stream().map(Field::key).toList());
        }
        List<String> dateFormats = new ArrayList<>();
        root.path("dateFormats").forEach(n -> dateFormats.add(n.asText()));
        if (dateFormats.isEmpty()) {
            dateFormats.add("yyyy-MM-dd");
        }
        Set<String> missing = new HashSet<>();
        root.path("missing").forEach(n -> missing.add(n.asText()));
        return new Profile(root.path("name").asText("mapping:" + file.getFileName()), "user mapping " + file.getFileName(),
                columns, required, dateFormats, missing);
    }

    /** The mapping file itself is wrong; the message says what and lists the known fields. */
    public static class InvalidMappingException extends Exception {
        public InvalidMappingException(String message) {
            super(message);
        }
    }
}
