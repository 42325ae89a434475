package org.bianmin.approval.sources;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.bianmin.approval.model.ResidentId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A government data-sharing endpoint over HTTP: {@code GET <baseUrl>/persons/<idNumber>} answers the person's
 * record as a JSON object, 404 when the register holds nothing for them. Each call has a timeout; idempotent
 * reads are retried a bounded number of times with exponential backoff and jitter on errors and 5xx; a circuit
 * breaker (resilience4j) stops calling an endpoint that keeps failing, so an outage costs a fast "unavailable"
 * (and a manual review) instead of every application waiting out the timeout.
 */
public final class HttpDataSource implements DataSource {

    private static final ScheduledExecutorService RETRY_SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "data-source-retry");
        thread.setDaemon(true);
        return thread;
    });
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An endpoint answered with an error status: worth retrying. */
    static final class SourceError extends RuntimeException {
        SourceError(String message) {
            super(message);
        }
    }

    private final String name;
    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public HttpDataSource(String name, URI baseUrl, Duration timeout, int maxAttempts, Duration breakerOpenFor) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(50), 2.0, 0.5))
                .retryExceptions(SourceError.class, java.io.IOException.class, java.util.concurrent.CompletionException.class)
                .build());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(breakerOpenFor)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    @Override
    public String name() {
        return name;
    }

    /** Calls {@code listener} with the breaker's new state at every transition (metrics, in the approval setup). */
    public void onBreakerTransition(java.util.function.Consumer<CircuitBreaker.State> listener) {
        breaker.getEventPublisher().onStateTransition(event -> listener.accept(event.getStateTransition().getToState()));
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public CompletableFuture<Optional<Map<String, Object>>> fetch(ResidentId person) {
        return breaker.decorateCompletionStage(
                        Retry.decorateCompletionStage(retry, RETRY_SCHEDULER, () -> call(person)))
                .get().toCompletableFuture();
    }

    private CompletableFuture<Optional<Map<String, Object>>> call(ResidentId person) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("persons/" + person.value()))
                .timeout(timeout).header("accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new SourceError(name + " answered " + response.statusCode());
            }
            return Optional.of(JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { }));
        });
    }
}
