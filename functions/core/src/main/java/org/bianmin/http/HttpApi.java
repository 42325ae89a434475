package org.bianmin.http;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests to routes and turns every failure into the API's error shape: the caller's mistakes into
 * 4xx with a clear message, our faults into a 5xx without internals (the details go to the log with the
 * request id).
 */
public final class HttpApi {

    /** API Gateway's own payload limit is 10 MB; no route of ours needs more than this. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final List<HttpRoute> routes;

    public HttpApi(List<HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    public HttpResponse handle(HttpRequest request) {
        try {
            if (utf8Length(request.body()) > MAX_BODY_BYTES) {
                return payloadTooLarge();
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (HttpRoute route : routes) {
                Optional<Map<String, String>> parameters = match(route.pathTemplate(), request.path());
                if (parameters.isEmpty()) {
                    continue;
                }
                if (route.method().equalsIgnoreCase(request.method())) {
                    return route.handle(request.withPathParameters(parameters.get()));
                }
                allowed.add(route.method());
            }
            if (!allowed.isEmpty()) {
                HttpResponse response = error(405, "METHOD_NOT_ALLOWED", "该地址不支持 " + request.method() + " 请求。");
                Map<String, String> headers = new HashMap<>(response.headers());
                headers.put("allow", String.join(", ", allowed));
                return new HttpResponse(405, headers, response.body());
            }
            return error(404, "NOT_FOUND", "没有这个接口：" + request.path());
        } catch (ApiException e) {
            return error(e.status(), e.code(), e.getMessage());
        } catch (DependencyUnavailableException e) {
            log.warn("dependency unavailable requestId={} path={}: {}", request.requestId(), request.path(), e.getMessage());
            return error(503, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试，或拨打12345。");
        } catch (RuntimeException e) {
            log.error("request failed requestId={} method={} path={}", request.requestId(), request.method(), request.path(), e);
            return error(500, "INTERNAL_ERROR", "系统内部错误，请稍后再试。请求编号：" + request.requestId());
        }
    }

    /** 413, for transports that stop reading a body once it passes {@link #MAX_BODY_BYTES}. */
    public static HttpResponse payloadTooLarge() {
        return error(413, "PAYLOAD_TOO_LARGE", "请求体过大，不能超过64KB。");
    }

    /** The error response for a mistake a transport finds before routing (such as a malformed query string). */
    public static HttpResponse rejected(ApiException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    private static int utf8Length(String text) {
        if (text.length() * 3 <= MAX_BODY_BYTES) {
            return text.length();
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static HttpResponse error(int status, String code, String message) {
        return HttpResponse.json(status, ErrorBody.of(code, message));
    }

    /** Path parameters if the path fits the template (segment by segment), otherwise empty. */
    static Optional<Map<String, String>> match(String template, String path) {
        String[] expected = template.split("/");
        String[] actual = path.split("/");
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            int close = expected[i].indexOf('}');
            if (expected[i].startsWith("{") && close > 0) {
                // a parameter, optionally followed by a literal suffix: "{id}" or "{id}.json"
                String suffix = expected[i].substring(close + 1);
                if (!actual[i].endsWith(suffix) || actual[i].length() == suffix.length()) {
                    return Optional.empty();
                }
                parameters.put(expected[i].substring(1, close), actual[i].substring(0, actual[i].length() - suffix.length()));
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
