package org.bianmin.approval.infrastructure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.bianmin.observability.MetricNames;

/** A breaker's state as the number {@link MetricNames#CIRCUIT_BREAKER_STATE} reports: 0 closed, 1 half-open, 2 open. */
final class BreakerStates {

    private BreakerStates() {
    }

    static double value(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> MetricNames.BREAKER_OPEN;
            case HALF_OPEN -> 1;
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
        };
    }
}
