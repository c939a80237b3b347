package org.detainerlab.core.stats;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.detainerlab.core.detainer.Provenance;
import org.detainerlab.core.policy.PolicyEventView;

/**
 * The answer of the policy-effect query: the event, the monthly series around it (each month marked BEFORE,
 * EVENT or AFTER), the two sides summed, whether the data cover the window, the policy's events, and provenance.
 */
public record PolicyEffect(String jurisdiction, String jurisdictionName, String policy, String policyTitle,
                           String event, LocalDate eventDate, String eventPrecision, int months, List<String> outcomes,
                           List<Month> series, Side before, Side after, boolean coverageComplete, List<String> notes,
                           List<PolicyEventView> events, Provenance provenance) {

    /** One month: the filtered outcomes' count, all detainers, and the rate (null without detainers). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(String month, String period, Long count, Long total, Double rate, Boolean suppressed) {
    }

    /** One side of the event, summed over its months. */
    public record Side(String from, String to, long count, long total, Double rate) {
    }

    /** Sums one side's months; a suppressed month makes the side's sum unknown. */
    static final class Tally {
        private long count;
        private long total;
        private boolean withheld;

        void add(StatsRow row) {
            if (row.count() == null || row.groupTotal() == null) {
                withheld = true;
                return;
            }
            count += row.count();
            total += row.groupTotal();
        }

        Side summary(YearMonth from, YearMonth to) {
            if (withheld) {
                return new Side(from.toString(), to.toString(), -1, -1, null);
            }
            return new Side(from.toString(), to.toString(), count, total, total == 0 ? null : (double) count / total);
        }
    }
}
