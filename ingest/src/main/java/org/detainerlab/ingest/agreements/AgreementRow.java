package org.detainerlab.ingest.agreements;

import java.time.LocalDate;

/** One agreement as it is stored: provenance, the published text, and the values cleaned from it. */
record AgreementRow(String sheet, int row, ListStatus status, String stateRaw, Long stateId, String agency,
                    String agencyRaw, String agencyType, String countyRaw, SupportModel model, String modelRaw,
                    LocalDate signedOn, String signedRaw, String moaUrl, String addendumRaw, String addendumUrl) {
}
