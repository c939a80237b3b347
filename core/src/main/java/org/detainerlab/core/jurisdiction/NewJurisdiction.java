package org.detainerlab.core.jurisdiction;

/**
 * A city or law-enforcement agency a curator adds: its kind ({@code CITY} or {@code AGENCY}), name and enclosing
 * jurisdiction. {@code code} may be left out; it is then made from the kind, state and name ({@code CI-CA-SAN-JOSE}).
 */
public record NewJurisdiction(String code, String kind, String name, String parentCode) {
}
