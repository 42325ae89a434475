package org.bianmin.store;

/** The idempotency key was used with a different request body (or its first use is still running too long). */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
