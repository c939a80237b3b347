/**
 * ICE's areas of responsibility (field office to state, and to county where a state is split), loaded as a
 * release of kind AREAS_OF_RESPONSIBILITY into {@code ice_area_of_responsibility}.
 */
package org.detainerlab.ingest.areas;
