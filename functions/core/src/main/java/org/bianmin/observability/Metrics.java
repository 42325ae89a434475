package org.bianmin.observability;

import java.time.Duration;
import java.util.Map;

/**
 * Where capabilities record what operators watch, without knowing the backend: CloudWatch embedded metric format in
 * Lambda ({@link EmbeddedMetricFormat}), Micrometer's Prometheus registry in the local runtime. Names and labels come
 * from {@link MetricNames}; label values must come from small fixed sets (an action, a status, a route template),
 * never from what a caller typed, because every distinct value is a metric of its own in CloudWatch.
 */
public interface Metrics {

    /** One more occurrence. */
    void count(String name, Map<String, String> labels);

    /** The current value of something that goes up and down (overdue tickets, a breaker's state). */
    void gauge(String name, double value, Map<String, String> labels);

    /** How long something took. */
    void time(String name, Duration duration, Map<String, String> labels);

    /** Records nothing: for tests and tools that build capabilities without a runtime. */
    static Metrics none() {
        return NoMetrics.INSTANCE;
    }

    /** The backend of {@link #none()}. */
    enum NoMetrics implements Metrics {
        INSTANCE;

        @Override
        public void count(String name, Map<String, String> labels) {
        }

        @Override
        public void gauge(String name, double value, Map<String, String> labels) {
        }

        @Override
        public void time(String name, Duration duration, Map<String, String> labels) {
        }
    }
}
