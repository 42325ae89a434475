package org.bianmin.approval.sources;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
        CompletableFuture<Optional<Map<String, Object>>> answer = new CompletableFuture<>();
        SCHEDULER.schedule(() -> {
            if (fail) {
                answer.completeExceptionally(new IllegalStateException(name + " is unavailable (injected failure)"));
            } else {
                answer.complete(Optional.ofNullable(population.record(name, person)));
            }
        }, delay, TimeUnit.MILLISECONDS);
        return answer;
    }

    /**
     * Answers are completed by a small scheduler, like responses arriving on an HTTP client's I/O threads: no
     * thread waits out the latency, and the caller's completion stages run as the answer arrives.
     */
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fixture-source");
        thread.setDaemon(true);
        return thread;
    });
}
