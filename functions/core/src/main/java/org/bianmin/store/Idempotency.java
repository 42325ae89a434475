package org.bianmin.store;

import java.util.function.Supplier;

/**
 * Exactly-once execution per key, the port the capabilities use (HTTP intake, approval decisions, device alarm
 * tickets). A repeat with the same request returns the stored response; a repeat with another request is refused.
 */
public interface Idempotency {

    /**
     * The stored response of {@code key}, computing it once with {@code operation}. {@code request} is what the
     * key promises to mean: a JSON request is compared in canonical form (keys sorted, no whitespace), anything
     * else as written.
     *
     * @throws IdempotencyConflictException when the key was used for another request, or its first use is still
     *                                      running after the in-flight wait
     */
    String execute(String key, String request, Supplier<String> operation);
}
