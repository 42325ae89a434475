package org.bianmin.store;

/**
 * The idempotency key cannot be answered now: it was used with a different request (the IETF Idempotency-Key draft
 * answers 422), or its first use is still running (409, the caller retries later).
 */
public class IdempotencyConflictException extends RuntimeException {

    public enum Reason { REQUEST_CHANGED, IN_PROGRESS }

    private final Reason reason;

    public IdempotencyConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status the IETF Idempotency-Key draft gives this case. */
    public int httpStatus() {
        return reason == Reason.REQUEST_CHANGED ? 422 : 409;
    }
}
