package org.detainerlab.ingest.report;

/**
 * When rejected rows make a release doubtful: above {@code warnShare} of the rows read the report warns, above
 * {@code stopShare} the ingest stops and loads nothing. Shares are fractions (0.01 is 1%).
 */
public record Thresholds(double warnShare, double stopShare) {

    public static final Thresholds DEFAULT = new Thresholds(0.0, 0.01);

    public Thresholds {
        if (warnShare < 0 || stopShare < 0 || warnShare > 1 || stopShare > 1) {
            throw new IllegalArgumentException("thresholds are shares between 0 and 1");
        }
    }
}
