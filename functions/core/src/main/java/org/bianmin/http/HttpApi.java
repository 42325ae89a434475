package org.bianmin.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bianmin.observability.MetricNames;
import org.bianmin.observability.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Dispatches requests to routes and turns every failure into the API's error shape: the caller's mistakes into
 * 4xx with a clear message, our faults into a 5xx without internals (the details go to the log with the
 * request id).
 */
public final class HttpApi {

    /**
     * API Gateway's own payload limit is 10 MB (Lambda's 6 MB); a text route needs no more than this, a route that
     * carries a photo declares its own ({@link HttpRoute#maxBodyBytes()}).
     */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** The logging context key of the request id: in every log line written while the request runs. */
    public static final String REQUEST_ID = "requestId";

    private static final String RETRY_AFTER_TOO_MANY = "60";
    private static final String RETRY_AFTER_UNAVAILABLE = "30";

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final List<HttpRoute> routes;
    private final Metrics metrics;

    public HttpApi(List<HttpRoute> routes) {
        this(routes, Metrics.none());
    }

    /** Routes whose requests are timed by route template, method and status ({@link MetricNames#HTTP_REQUESTS}). */
    public HttpApi(List<HttpRoute> routes, Metrics metrics) {
        this.routes = List.copyOf(routes);
        this.metrics = metrics;
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    /** Every request runs with its id in the logging context (MDC) and every response carries it. */
    public HttpResponse handle(HttpRequest request) {
        MDC.put(REQUEST_ID, request.requestId());
        long started = System.nanoTime();
        try {
            HttpResponse response = finish(request.requestId(), dispatch(request));
            // the template, not the path: one series per route however many tracking numbers there are
            String route = route(request.method(), request.path()).map(HttpRoute::pathTemplate).orElse("unmatched");
            metrics.time(MetricNames.HTTP_REQUESTS, Duration.ofNanos(System.nanoTime() - started), Map.of(
                    "route", route, "method", route.equals("unmatched") ? "other" : request.method().toUpperCase(java.util.Locale.ROOT),
                    "status", Integer.toString(response.status())));
            return response;
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    private HttpResponse dispatch(HttpRequest request) {
        try {
            int limit = maxBodyBytes(request.method(), request.path());
            if (utf8Length(request.body(), limit) > limit) {
                return payloadTooLarge(request.requestId(), limit);
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (HttpRoute route : routes) {
                Optional<Map<String, String>> parameters = match(route.pathTemplate(), request.path());
                if (parameters.isEmpty()) {
                    continue;
                }
                if (route.method().equalsIgnoreCase(request.method())) {
                    ApiException refused = route.access().refusal(request);
                    if (refused != null) {
                        throw refused;
                    }
                    return route.handle(request.withPathParameters(parameters.get()).withQueryOnly(route.queryParameters()));
                }
                allowed.add(route.method());
            }
            if (!allowed.isEmpty()) {
                HttpResponse response = problem(405, "METHOD_NOT_ALLOWED", "该地址不支持 " + request.method() + " 请求。", request);
                Map<String, String> headers = new HashMap<>(response.headers());
                headers.put("allow", String.join(", ", allowed));
                return new HttpResponse(405, headers, response.body());
            }
            return problem(404, "NOT_FOUND", "没有这个接口：" + request.path(), request);
        } catch (ApiException e) {
            HttpResponse response = problem(e.status(), e.code(), e.getMessage(), request);
            if (e.headers().isEmpty()) {
                return response;
            }
            Map<String, String> headers = new HashMap<>(response.headers());
            headers.putAll(e.headers());
            return new HttpResponse(response.status(), headers, response.body());
        } catch (DependencyUnavailableException e) {
            log.warn("dependency unavailable path={}: {}", request.path(), e.getMessage());
            return problem(503, "SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试，或拨打12345。", request);
        } catch (RuntimeException e) {
            log.error("request failed method={} path={}", request.method(), request.path(), e);
            return problem(500, "INTERNAL_ERROR", "系统内部错误，请稍后再试。请求编号：" + request.requestId(), request);
        }
    }

    /**
     * What every response gets on its way out: {@code x-request-id}, and for 429 and 503 a {@code retry-after}
     * (seconds) unless the route set its own.
     */
    private static HttpResponse finish(String requestId, HttpResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        if (requestId != null) {
            headers.put("x-request-id", requestId);
        }
        if (response.status() == 429 || response.status() == 503) {
            headers.putIfAbsent("retry-after", response.status() == 429 ? RETRY_AFTER_TOO_MANY : RETRY_AFTER_UNAVAILABLE);
        }
        return new HttpResponse(response.status(), headers, response.body());
    }

    /** The route that serves this method and path, if any (the local runtime picks the token check from it). */
    public Optional<HttpRoute> route(String method, String path) {
        return routes.stream().filter(r -> r.method().equalsIgnoreCase(method) && match(r.pathTemplate(), path).isPresent())
                .findFirst();
    }

    /** 413, for transports that stop reading a body once it passes {@link #MAX_BODY_BYTES}. */
    public static HttpResponse payloadTooLarge(String requestId) {
        return payloadTooLarge(requestId, MAX_BODY_BYTES);
    }

    /** 413, for transports that stop reading a body once it passes the route's {@code limit}. */
    public static HttpResponse payloadTooLarge(String requestId, int limit) {
        String size = limit >= 1024 * 1024 ? (limit / (1024 * 1024)) + "MB" : (limit / 1024) + "KB";
        return finish(requestId, problem(413, "PAYLOAD_TOO_LARGE", "请求体过大，不能超过" + size + "。", requestId));
    }

    /** The body limit of the route serving this method and path ({@link HttpRoute#maxBodyBytes()}). */
    public int maxBodyBytes(String method, String path) {
        return route(method, path).map(HttpRoute::maxBodyBytes).orElse(MAX_BODY_BYTES);
    }

    /** The error response for a mistake a transport finds before routing (such as a malformed query string). */
    public static HttpResponse rejected(ApiException e, String requestId) {
        return finish(requestId, problem(e.status(), e.code(), e.getMessage(), requestId));
    }

    private static int utf8Length(String text, int limit) {
        if ((long) text.length() * 3 <= limit) {
            return text.length();
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static HttpResponse problem(int status, String code, String detail, HttpRequest request) {
        return problem(status, code, detail, request.requestId());
    }

    static HttpResponse problem(int status, String code, String detail, String requestId) {
        return new HttpResponse(status, Map.of("content-type", Problem.CONTENT_TYPE),
                Json.write(Problem.of(status, code, detail, requestId)));
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
