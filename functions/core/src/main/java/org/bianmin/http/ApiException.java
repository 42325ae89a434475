package org.bianmin.http;

/**
 * An error the caller can act on: becomes {@code {"error":{"code","message"}}} with the given status.
 * Messages are Chinese because citizens and hotline agents read them; codes are stable English identifiers.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
