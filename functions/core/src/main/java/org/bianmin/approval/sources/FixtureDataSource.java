package org.bianmin.approval.sources;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.bianmin.approval.model.ResidentId;

/**
 * A data source backed by the synthetic population, with configurable latency (uniform between min and max,
 * without holding a thread: the answer is scheduled) and injected failures, to exercise timeouts, outages and
 * circuit breakers the way real government endpoints behave.
 */
public final class FixtureDataSource implements DataSource {

    private final String name;
    private final SyntheticPopulation population;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final double failureRate;
    private final Random random;

    public FixtureDataSource(String name, SyntheticPopulation population, Duration minLatency, Duration maxLatency,
                             double failureRate, long seed) {
        this.name = name;
        this.population = population;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.failureRate = failureRate;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Optional<Map<String, Object>>> fetch(ResidentId person) {
        long spread = maxLatency.toMillis() - minLatency.toMillis();
        long delay;
        boolean fail;
        synchronized (random) {
            delay = minLatency.toMillis() + (spread > 0 ? random.nextInt((int) spread + 1) : 0);
            fail = random.nextDouble() < failureRate;
        }
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> {
            if (fail) {
                throw new IllegalStateException(name + " is unavailable (injected failure)");
            }
            return Optional.ofNullable(population.record(name, person));
        }, later);
    }
}
