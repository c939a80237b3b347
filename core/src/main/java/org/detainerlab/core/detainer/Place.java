package org.detainerlab.core.detainer;

/** A jurisdiction as the detainer queries use it: id for SQL, code and name for answers. */
public record Place(long id, String code, String name, String kind, Long parentId) {
}
