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
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.FormEncoding;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;

/**
 * Turns a servlet request into the same transport-neutral {@link HttpRequest} that API Gateway events become in
 * Lambda, so the local runtime runs the very code paths of the deployed functions.
 */
final class LocalHttpServlet extends HttpServlet {

    private final transient HttpApi api;
    private final transient LocalTokens tokens;

    LocalHttpServlet(HttpApi api, LocalTokens tokens) {
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Stand-in for API Gateway's JWT authorizers: the route's declared caller picks which token counts (staff or
        // citizen), exactly as the template puts one authorizer in front of each route; public and device routes get
        // no claims at all. A missing or wrong token then meets the route's own 401.
        Access access = api.route(request.getMethod(), path).map(HttpRoute::access).orElse(Access.anyone());
        String authorization = request.getHeader("Authorization");
        LocalTokens.Audience audience = switch (access.caller()) {
            case STAFF -> LocalTokens.Audience.STAFF;
            case CITIZEN -> LocalTokens.Audience.CITIZEN;
            case PUBLIC, DEVICE -> null;
        };
        if (audience != null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Map<String, String> target = headers;
            tokens.verify(authorization.substring("Bearer ".length()).strip(), audience)
                    .ifPresent(claims -> claims.forEach((name, value) -> target.put(HttpRequest.CLAIM_PREFIX + name, value)));
        }
        // Parsed from the raw query string: getParameterMap() would also consume a form-encoded body.
        String requestId = UUID.randomUUID().toString();
        Map<String, String> query;
        try {
            query = FormEncoding.decodeQuery(request.getQueryString());
        } catch (ApiException e) {
            write(response, HttpApi.rejected(e, requestId));
            return;
        }
        int limit = api.maxBodyBytes(request.getMethod(), path);
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        HttpResponse result = body.length > limit
                ? HttpApi.payloadTooLarge(requestId, limit)
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
