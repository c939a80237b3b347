package org.detainerlab.core.system;

/** What an administrator checks first: the database, the schema version and how much data is loaded. */
public record SystemStatus(String database, int schemaChangeSets, String lastChangeSet, long jurisdictions,
                           long facilities, long releases, long detainers) {
}
