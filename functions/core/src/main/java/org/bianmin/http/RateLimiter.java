package org.bianmin.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window request limit per key (e.g. the caller's source IP), kept in the function's memory. It slows
 * down guessing from one client; it is per instance, so API Gateway's throttling stays the outer limit.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Window(long start, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts one request from the caller's address; over the limit, a 429 {@code TOO_MANY_REQUESTS} with
     * {@code refusal} (the caller's words for what they did too often), so a public route needs one line for it.
     */
    public void admit(HttpRequest request, String refusal) {
        if (!tryAcquire(request.sourceIp())) {
            throw new ApiException(429, "TOO_MANY_REQUESTS", refusal);
        }
    }

    /** Counts one request for {@code key}; false when the key is over its limit in the current window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        return window.count() <= limit;
    }
}
