package org.bianmin.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.CheckOutcome;
import org.bianmin.approval.model.CheckRule;
import org.bianmin.approval.model.Decision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.approval.sources.HttpDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP connector against a real HTTP server playing a government data-sharing endpoint: answers, 404s,
 * retried 5xx, timeouts, and the circuit breaker opening on an outage.
 */
class HttpDataSourceTest {

    private static final String FIRST17 = "33020119500101123";
    private static final ResidentId PERSON = new ResidentId(FIRST17 + ResidentId.checkCharacter(FIRST17));

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int failuresBeforeSuccess;
    private volatile int status = 200;
    private volatile long delayMs;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/population/persons/", exchange -> {
            int hit = hits.incrementAndGet();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            int code = hit <= failuresBeforeSuccess ? 503 : status;
            byte[] body = code == 200 ? "{\"age\":82,\"localHukou\":true,\"alive\":true}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpDataSource source(Duration timeout, int attempts) {
        return new HttpDataSource("population", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/population/"),
                timeout, attempts, Duration.ofMinutes(1));
    }

    @Test
    void readsARecordAndTreatsA404AsNoRecord() throws Exception {
        assertThat(source(Duration.ofSeconds(2), 3).fetch(PERSON).get()).get().satisfies(r -> assertThat(r).containsEntry("age", 82));
        status = 404;
        assertThat(source(Duration.ofSeconds(2), 3).fetch(PERSON).get()).isEmpty();
    }

    @Test
    void retriesATransientErrorWithBackoff() throws Exception {
        failuresBeforeSuccess = 2;
        Optional<Map<String, Object>> record = source(Duration.ofSeconds(2), 3).fetch(PERSON).get();
        assertThat(record).isPresent();
        assertThat(hits.get()).isEqualTo(3);
    }

    @Test
    void aSlowEndpointTimesOutAndTheApplicationGoesToManualReview() {
        delayMs = 1500;
        ServiceItem item = new ServiceItem("elderly", "高龄津贴", "民政", "", List.of(),
                List.of(new CheckRule("age-80", "年满80周岁", "population", "age", ">=", 80, "未满80周岁")));
        ApprovalDecision decision = new DecidingApplication(Map.of("population", source(Duration.ofMillis(200), 1)),
                Duration.ofMillis(400), Duration.ofSeconds(1), Clock.systemUTC()).decide("slow", item, PERSON);
        assertThat(decision.decision()).isEqualTo(Decision.MANUAL_REVIEW);
        assertThat(decision.checks().get(0).outcome()).isIn(CheckOutcome.TIMEOUT, CheckOutcome.UNAVAILABLE);
    }

    @Test
    void theBreakerOpensOnAnOutageAndThenFailsFastWithoutCallingTheEndpoint() throws Exception {
        status = 500;
        HttpDataSource source = source(Duration.ofSeconds(1), 1);
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> source.fetch(PERSON).get()).isInstanceOf(ExecutionException.class);
        }
        assertThat(source.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = hits.get();
        assertThatThrownBy(() -> source.fetch(PERSON).get()).hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(hits.get()).isEqualTo(before);

        // an application meanwhile is sent to manual review at once, never approved
        ServiceItem item = new ServiceItem("elderly", "高龄津贴", "民政", "", List.of(),
                List.of(new CheckRule("age-80", "年满80周岁", "population", "age", ">=", 80, "未满80周岁")));
        ApprovalDecision decision = new DecidingApplication(Map.of("population", source), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Clock.systemUTC()).decide("breaker-open", item, PERSON);
        assertThat(decision.decision()).isEqualTo(Decision.MANUAL_REVIEW);
        assertThat(decision.checks().get(0).outcome()).isEqualTo(CheckOutcome.UNAVAILABLE);
        assertThat(hits.get()).isEqualTo(before);
    }
}
