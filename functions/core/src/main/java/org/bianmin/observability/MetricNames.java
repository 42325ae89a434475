package org.bianmin.observability;

/**
 * Every metric the functions record, with its labels. The names are the same in both backends: in CloudWatch they
 * are metric names in the namespace {@code Bianmin/<stage>} with the labels as dimensions; on the local runtime's
 * {@code GET /metrics} Prometheus adds its suffixes ({@code _total} to counters, {@code _seconds_count},
 * {@code _seconds_sum} and {@code _seconds_max} to timers).
 */
public final class MetricNames {

    /** Counter; label {@code action}: ANSWER, CLARIFY, HANDOFF, EMERGENCY or OUT_OF_SCOPE. */
    public static final String INQUIRY_OUTCOMES = "inquiry_outcomes";
    /** Counter; labels {@code channel} (the intake channel) and {@code domain} (the first-level domain, as a code). */
    public static final String TICKETS_FILED = "tickets_filed";
    /** Gauge, set by every SLA run: tickets past their deadline and not yet resolved (up to one run's batch). */
    public static final String TICKETS_OVERDUE = "tickets_overdue";
    /** Counter; label {@code decision}: APPROVED, REJECTED or MANUAL_REVIEW (new decisions only, not replays). */
    public static final String APPROVAL_DECISIONS = "approval_decisions";
    /** Gauge, set at every transition; label {@code breaker} (the data source): 0 closed, 1 half-open, 2 open. */
    public static final String CIRCUIT_BREAKER_STATE = "circuit_breaker_state";
    /** Counter; label {@code kind}: {@code device-event} or {@code dispatch-notification}. */
    public static final String DEAD_LETTERS = "dead_letters";
    /** Timer; labels {@code route} (the path template, or {@code unmatched}), {@code method} and {@code status}. */
    public static final String HTTP_REQUESTS = "http_requests";

    /** The value of {@link #CIRCUIT_BREAKER_STATE} at which the template's alarm fires. */
    public static final double BREAKER_OPEN = 2;

    private MetricNames() {
    }
}
