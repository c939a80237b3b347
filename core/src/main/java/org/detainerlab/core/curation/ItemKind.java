package org.detainerlab.core.curation;

/**
 * A kind of curated item as {@link CuratedItems} names it: {@code name} in ETags and the history ({@code case-record}),
 * {@code noun} and {@code plural} in messages, and the input a curator writes.
 */
public record ItemKind<I>(String name, String noun, String plural, Class<I> input) {
}
