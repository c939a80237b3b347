/**
 * Turning published source files into detainer rows: readers (xlsx, csv), column mapping profiles,
 * normalisers such as {@link org.detainerlab.ingest.LiftReasons}, and the bulk loader. Depends on core only.
 */
package org.detainerlab.ingest;
