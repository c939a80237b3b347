package org.detainerlab.core.caserecord;

/** What happened in a case, as its source reports it. */
public enum EventType {
    ARREST, DETAINER_ISSUED, DETAINER_DECLINED, DETAINER_HONOURED, RELEASE, LATER_ARREST, CONVICTION, OTHER
}
