package org.bianmin.local;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bianmin.http.ApiException;
import org.bianmin.http.FormEncoding;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;

/**
 * Turns a servlet request into the same transport-neutral {@link HttpRequest} that API Gateway events become in
 * Lambda, so the local runtime runs the very code paths of the deployed functions.
 */
final class LocalHttpServlet extends HttpServlet {

    private final transient HttpApi api;
    private final transient LocalStaffTokens tokens;

    LocalHttpServlet(HttpApi api, LocalStaffTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        headers = new HashMap<>(HttpRequest.withoutTransportHeaders(headers));
        headers.put(HttpRequest.SOURCE_IP, request.getRemoteAddr());
        // Stand-in for API Gateway's JWT authorizer: a valid bearer token becomes claim headers.
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            Map<String, String> target = headers;
            tokens.verify(authorization.substring("Bearer ".length()).strip())
                    .ifPresent(claims -> claims.forEach((name, value) -> target.put(HttpRequest.CLAIM_PREFIX + name, value)));
        }
        // Parsed from the raw query string: getParameterMap() would also consume a form-encoded body.
        String requestId = UUID.randomUUID().toString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, String> query;
        try {
            query = FormEncoding.decodeQuery(request.getQueryString());
        } catch (ApiException e) {
            write(response, HttpApi.rejected(e, requestId));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(HttpApi.MAX_BODY_BYTES + 1);
        HttpResponse result = body.length > HttpApi.MAX_BODY_BYTES
                ? HttpApi.payloadTooLarge(requestId)
                : api.handle(new HttpRequest(request.getMethod(), path, headers, query,
                        new String(body, StandardCharsets.UTF_8), requestId, Map.of()));
        write(response, result);
    }

    private static void write(HttpServletResponse response, HttpResponse result) throws IOException {
        response.setStatus(result.status());
        result.headers().forEach(response::setHeader);
        byte[] bytes = result.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
