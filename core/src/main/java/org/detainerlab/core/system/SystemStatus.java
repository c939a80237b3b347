package org.detainerlab.core.system;

/**
 * What an administrator checks first: the database, the schema version and how much data is loaded; the data
 * generation (it moves with every change a statistic depends on) and the generation the columnar copy of the rows
 * has reached (null while it is being made or when it is off; statistics come from PostgreSQL until the two agree).
 */
public record SystemStatus(String database, int schemaChangeSets, String lastChangeSet, long jurisdictions,
                           long facilities, long releases, long detainers, long dataGeneration,
                           Long columnarGeneration) {
}
