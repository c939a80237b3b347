package org.detainerlab.core.common;

import jakarta.persistence.EntityManager;

/**
 * Seeds are imported once per database: each seed's key is claimed in an import table in the importing
 * transaction, so the key stays claimed after the item is deleted and a second instance starting at the same time
 * claims nothing.
 */
public final class ImportKeys {

    private ImportKeys() {
    }

    /** True when {@code key} was not claimed before in {@code table} (a table of the schema, never input). */
    public static boolean claim(EntityManager entityManager, String table, String key) {
        return entityManager.createNativeQuery("insert into " + table + " (import_key) values (?1) on conflict do nothing")
                .setParameter(1, key).executeUpdate() > 0;
    }

    /** True when {@code key} was claimed before in {@code table}. */
    public static boolean claimed(EntityManager entityManager, String table, String key) {
        return ((Number) entityManager.createNativeQuery("select count(*) from " + table + " where import_key = ?1")
                .setParameter(1, key).getSingleResult()).longValue() > 0;
    }
}
