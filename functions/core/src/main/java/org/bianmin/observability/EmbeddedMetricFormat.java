package org.bianmin.observability;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Metrics in Lambda: one CloudWatch embedded-metric-format line on standard output per value recorded, written by
 * AWS's {@code aws-embedded-metrics} library, which CloudWatch Logs turns into metrics with no API call and no
 * agent. Each line is flushed at once, so nothing waits in memory when Lambda freezes the environment between
 * invocations. Only the recorded labels become dimensions (not the library's defaults, log group and service
 * name), so the template's alarms name exactly the dimensions written here.
 */
public final class EmbeddedMetricFormat implements Metrics {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMetricFormat.class);

    private final String namespace;
    private final Supplier<Environment> environment;

    /** In Lambda: the library's Lambda environment (standard output, function name and version as properties). */
    public EmbeddedMetricFormat(String namespace) {
        this(namespace, LambdaEnvironment::new);
    }

    public EmbeddedMetricFormat(String namespace, Supplier<Environment> environment) {
        this.namespace = namespace;
        this.environment = environment;
    }

    @Override
    public void count(String name, Map<String, String> labels) {
        emit(name, 1, Unit.COUNT, labels);
    }

    @Override
    public void gauge(String name, double value, Map<String, String> labels) {
        emit(name, value, Unit.NONE, labels);
    }

    @Override
    public void time(String name, Duration duration, Map<String, String> labels) {
        emit(name, duration.toNanos() / 1e6, Unit.MILLISECONDS, labels);
    }

    private void emit(String name, double value, Unit unit, Map<String, String> labels) {
        try {
            MetricsLogger logger = new MetricsLogger(environment.get());
            logger.setNamespace(namespace);
            DimensionSet dimensions = new DimensionSet();
            labels.forEach(dimensions::addDimension);
            logger.setDimensions(false, dimensions);
            logger.putMetric(name, value, unit);
            logger.flush();
        } catch (RuntimeException e) {
            // a metric must never fail the request it describes
            log.warn("metric {} not written: {}", name, e.toString());
        }
    }
}
