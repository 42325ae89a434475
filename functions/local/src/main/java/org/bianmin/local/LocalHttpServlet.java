package org.bianmin.local;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bianmin.api.HttpApi;
import org.bianmin.api.HttpRequest;
import org.bianmin.api.HttpResponse;

/**
 * Turns a servlet request into the same transport-neutral {@link HttpRequest} that API Gateway events become in
 * Lambda, so the local runtime runs the very code paths of the deployed functions.
 */
final class LocalHttpServlet extends HttpServlet {

    private final transient HttpApi api;

    LocalHttpServlet(HttpApi api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        Map<String, String> query = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && request.getQueryString() != null) {
                query.put(name, values[0]);
            }
        });
        String body = readBody(request.getInputStream());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpResponse result = body == null
                ? api.handle(new HttpRequest(request.getMethod(), path, headers, query, "x".repeat(HttpApi.MAX_BODY_BYTES + 1),
                        UUID.randomUUID().toString(), Map.of()))
                : api.handle(new HttpRequest(request.getMethod(), path, headers, query, body,
                        UUID.randomUUID().toString(), Map.of()));
        response.setStatus(result.status());
        result.headers().forEach(response::setHeader);
        byte[] bytes = result.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The body as UTF-8, or null when it is larger than the API accepts (read no further than needed). */
    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(HttpApi.MAX_BODY_BYTES * 4 + 1);
        if (bytes.length > HttpApi.MAX_BODY_BYTES * 4) {
            return null;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
