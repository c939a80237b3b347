package org.detainerlab.ingest.agreements;

/** Which of ICE's lists an agreement is on: signed and in force, or requested and awaiting signature. */
enum ListStatus {
    PARTICIPATING, PENDING
}
