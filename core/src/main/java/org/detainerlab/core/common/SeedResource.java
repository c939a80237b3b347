package org.detainerlab.core.common;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a seed file that ships inside the application; a missing or unreadable one is a build fault, not input. */
public final class SeedResource {

    private SeedResource() {
    }

    public static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = SeedResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
