package org.bianmin.http;

/**
 * An error the caller can act on: becomes {@code {"error":{"code","message"}}} with the given status.
 * Messages are Chinese because citizens and hotline agents read them; codes are stable English identifiers.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final java.util.Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, java.util.Map.of());
    }

    /** With response headers the caller needs to act on it, such as {@code retry-after} on a 429. */
    public ApiException(int status, String code, String message, java.util.Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = java.util.Map.copyOf(headers);
    }

    public java.util.Map<String, String> headers() {
        return headers;
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
