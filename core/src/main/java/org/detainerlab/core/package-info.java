/**
 * DetainerLab's domain: jurisdictions, facilities, data releases and detainers (and, as the platform grows,
 * policies, rulings, case records, annotations and claims), each in its own package with its entities,
 * Panache repository and service. Services own transactions and return records; entities never leave them.
 * The schema is Liquibase's, in {@code db/changeLog.xml}. This module depends on no other project module.
 */
package org.detainerlab.core;
