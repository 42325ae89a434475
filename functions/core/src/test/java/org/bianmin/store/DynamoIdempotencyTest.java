package org.bianmin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;

/** Idempotency records in dynalite: crashed attempts, in-flight repeats, changed and reordered requests. */
class DynamoIdempotencyTest {

    /** A clock that moves 100 ms on every reading (so waits end without sleeping for real) and can jump. */
    private static final class TickingClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T08:00:00Z"));

        void jump(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.updateAndGet(t -> t.plusMillis(100));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** What a function instance dying mid-operation looks like to the store: no release, no response. */
    private static final class InstanceDied extends Error {
    }

    private final TickingClock clock = new TickingClock();
    private final DynamoIdempotency idempotency =
            new DynamoIdempotency(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, clock);

    @Test
    void aCrashedAttemptBlocksItsKeyOnlyUntilItsLockExpires() {
        String key = "test:" + UUID.randomUUID();
        assertThatThrownBy(() -> idempotency.execute(key, "{\"a\":1}", () -> {
            throw new InstanceDied();
        })).isInstanceOf(InstanceDied.class);

        // while the lock holds, the attempt might still be running: a repeat is told to come back later
        assertThatThrownBy(() -> idempotency.execute(key, "{\"a\":1}", () -> "second"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.IN_PROGRESS);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });

        clock.jump(DynamoIdempotency.LOCK);
        AtomicInteger runs = new AtomicInteger();
        assertThat(idempotency.execute(key, "{\"a\":1}", () -> "retried-" + runs.incrementAndGet())).isEqualTo("retried-1");
        assertThat(idempotency.execute(key, "{\"a\":1}", () -> "retried-" + runs.incrementAndGet())).isEqualTo("retried-1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRepeatWaitsForTheFirstAttemptAtMostTheInFlightWaitThenGetsItsResponse() throws Exception {
        String key = "test:" + UUID.randomUUID();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<String> first = pool.submit(() -> idempotency.execute(key, "{\"a\":1}", () -> {
            claimed.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        Instant before = clock.instant();
        assertThatThrownBy(() -> idempotency.execute(key, "{\"a\":1}", () -> "second"))
                .isInstanceOfSatisfying(IdempotencyConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.IN_PROGRESS));
        assertThat(Duration.between(before, clock.instant())).isLessThan(DynamoIdempotency.IN_FLIGHT_WAIT.plusSeconds(1));

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        pool.shutdown();
        assertThat(idempotency.execute(key, "{\"a\":1}", () -> "second")).isEqualTo("first");
    }

    @Test
    void theSameJsonReorderedIsTheSameRequestAndAChangedOneIsA422() {
        String key = "test:" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        assertThat(idempotency.execute(key, "{\"a\":1,\"b\":{\"c\":\"二\",\"d\":[1,2]}}", () -> "r" + runs.incrementAndGet()))
                .isEqualTo("r1");
        assertThat(idempotency.execute(key, " {\n \"b\": {\"d\": [1, 2], \"c\": \"二\"},\n \"a\": 1 }", () -> "r" + runs.incrementAndGet()))
                .isEqualTo("r1");
        assertThat(runs).hasValue(1);

        for (String changed : new String[] {"{\"a\":2,\"b\":{\"c\":\"二\",\"d\":[1,2]}}", "{\"a\":1,\"b\":{\"c\":\"二\",\"d\":[2,1]}}",
                "{\"a\":1}"}) {
            assertThatThrownBy(() -> idempotency.execute(key, changed, () -> "never"))
                    .as(changed)
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                        assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.REQUEST_CHANGED);
                        assertThat(e.httpStatus()).isEqualTo(422);
                    });
        }
    }

    @Test
    void aFailedAttemptReleasesItsKeyAtOnce() {
        String key = "test:" + UUID.randomUUID();
        assertThatThrownBy(() -> idempotency.execute(key, "x", () -> {
            throw new IllegalStateException("dependency down");
        })).hasMessage("dependency down");
        assertThat(idempotency.execute(key, "x", () -> "ok")).isEqualTo("ok");
    }
}
