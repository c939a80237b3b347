package org.detainerlab.ingest.agreements;

/** The three 287(g) models, stored under these names, with the spelling ICE's lists use for each. */
enum SupportModel {
    JAIL_ENFORCEMENT("Jail Enforcement Model", "JEM"),
    TASK_FORCE("Task Force Model", "TFM"),
    WARRANT_SERVICE_OFFICER("Warrant Service Officer", "WSO");

    private final String published;
    private final String abbreviation;

    SupportModel(String published, String abbreviation) {
        this.published = published;
        this.abbreviation = abbreviation;
    }

    /** The name as ICE's lists spell it. */
    String published() {
        return published;
    }

    /** The abbreviation ICE uses in MOA file names and elsewhere. */
    String abbreviation() {
        return abbreviation;
    }
}
