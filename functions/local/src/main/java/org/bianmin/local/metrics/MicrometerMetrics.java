package org.bianmin.local.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bianmin.observability.Metrics;

/**
 * The local runtime's metrics: the names and labels the functions record in Lambda as embedded metric format, kept in
 * a Micrometer registry and served in Prometheus text by {@code GET /metrics} ({@link MetricsRoute}).
 */
public final class MicrometerMetrics implements Metrics {

    private final MeterRegistry registry;
    /** Gauge values by name and labels: Micrometer reads a gauge from an object the caller keeps. */
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void count(String name, Map<String, String> labels) {
        Counter.builder(name).tags(tags(labels)).register(registry).increment();
    }

    @Override
    public void gauge(String name, double value, Map<String, String> labels) {
        Tags tags = tags(labels);
        AtomicLong bits = gauges.computeIfAbsent(name + tags, key -> {
            AtomicLong holder = new AtomicLong(Double.doubleToLongBits(0));
            Gauge.builder(name, holder, h -> Double.longBitsToDouble(h.get())).tags(tags).register(registry);
            return holder;
        });
        bits.set(Double.doubleToLongBits(value));
    }

    @Override
    public void time(String name, Duration duration, Map<String, String> labels) {
        Timer.builder(name).tags(tags(labels)).register(registry).record(duration);
    }

    private static Tags tags(Map<String, String> labels) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            tags = tags.and(label.getKey(), label.getValue());
        }
        return tags;
    }
}
