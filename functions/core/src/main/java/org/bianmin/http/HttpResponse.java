package org.bianmin.http;

import java.util.Map;

/** A transport-neutral HTTP response; bodies are JSON unless a route says otherwise. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json; charset=utf-8";

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("content-type", JSON), Json.write(body));
    }
}
