package org.bianmin.hotline;

/** An intake command that breaks a rule; {@code code} and the Chinese message go to the caller as a 400. */
public final class InvalidIntakeCommandException extends IllegalArgumentException {

    private final String code;

    public InvalidIntakeCommandException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
