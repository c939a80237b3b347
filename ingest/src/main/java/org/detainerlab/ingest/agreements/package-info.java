/**
 * Loading ICE's published lists of 287(g) agreements (participating and pending local law-enforcement agencies)
 * as data releases, with the list's typos, impossible dates and stray spaces reported rather than loaded
 * silently. {@link org.detainerlab.ingest.agreements.AgreementLoader} is the entry point.
 */
package org.detainerlab.ingest.agreements;
