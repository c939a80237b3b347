package org.detainerlab.core.ruling;

/** What a ruling did to an earlier ruling it reviewed. */
public enum ReviewRelation {
    AFFIRMED, AFFIRMED_IN_PART, REVERSED, REVERSED_IN_PART, VACATED, VACATED_IN_PART, REMANDED, CERTIORARI_DENIED
}
