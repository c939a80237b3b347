package org.detainerlab.core.curation;

/** Where a curated statement comes from: a citation, optionally its URL and the passage it rests on. */
public record SourceRef(String citation, String url, String quote) {
}
