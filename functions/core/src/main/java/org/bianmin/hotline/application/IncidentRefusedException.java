package org.bianmin.hotline.application;

/** Why an incident change was refused; nothing was changed. The HTTP edge maps the reason to 400, 403, 404 or 409. */
public final class IncidentRefusedException extends RuntimeException {

    public enum Reason {
        /** No such incident (or not one the caller may see). */
        NOT_FOUND,
        /** A ticket named in the request does not exist, or the request names a department that does not. */
        INVALID,
        /** A ticket is already in another incident, finished, or the incident is full. */
        CONFLICT,
        FORBIDDEN
    }

    private final Reason reason;
    private final String code;

    public IncidentRefusedException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** The machine-readable error code of the refusal (UNKNOWN_TICKET, ALREADY_LINKED ...). */
    public String code() {
        return code;
    }
}
