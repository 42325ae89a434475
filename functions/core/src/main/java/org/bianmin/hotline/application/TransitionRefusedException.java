package org.bianmin.hotline.application;

/** Why a transition was refused; the HTTP edge maps the reason to 400, 403, 404 or 409. */
public class TransitionRefusedException extends RuntimeException {

    public enum Reason { NOT_FOUND, FORBIDDEN, ILLEGAL_TRANSITION, NOTE_REQUIRED, UNKNOWN_DEPARTMENT, UNKNOWN_CATEGORY,
        CONCURRENT_UPDATE }

    private final Reason reason;

    public TransitionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
