package org.detainerlab.ingest.agreements;

/** The columns of ICE's 287(g) lists, by the header ICE gives them. */
enum AgreementColumn {
    STATE("STATE"),
    AGENCY("LAW ENFORCEMENT AGENCY"),
    TYPE("TYPE"),
    COUNTY("COUNTY"),
    SUPPORT_TYPE("SUPPORT TYPE"),
    SIGNED("SIGNED"),
    MOA("MOA"),
    ADDENDUM("ADDENDUM");

    private final String header;

    AgreementColumn(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /** The column a header cell names, ignoring case and spaces, or null. */
    static AgreementColumn of(String headerCell) {
        String key = Text.headerKey(headerCell);
        for (AgreementColumn column : values()) {
            if (Text.headerKey(column.header).equals(key)) {
                return column;
            }
        }
        return null;
    }
}
