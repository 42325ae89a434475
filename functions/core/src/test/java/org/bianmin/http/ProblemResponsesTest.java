package org.bianmin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP edge's contract for errors and correlation: RFC 9457 problem details (with the earlier
 * {@code error} object kept for one release), the request id on every response and in the logging context while
 * the route runs, and {@code retry-after} on 429 and 503.
 */
class ProblemResponsesTest {

    private static final AtomicReference<String> idSeenByRoute = new AtomicReference<>();

    private static final HttpApi api = new HttpApi(List.of(
            HttpRoute.of("GET", "/ok", Access.anyone(), request -> {
                idSeenByRoute.set(MDC.get(HttpApi.REQUEST_ID));
                return HttpResponse.json(200, Map.of("ok", true));
            }),
            HttpRoute.of("GET", "/busy", Access.anyone(), request -> {
                throw new ApiException(429, "TOO_MANY_REQUESTS", "查询过于频繁，请稍后再试。");
            }),
            HttpRoute.of("GET", "/down", Access.anyone(), request -> {
                throw new DependencyUnavailableException("table not reachable", new RuntimeException());
            }),
            HttpRoute.of("GET", "/broken", Access.anyone(), request -> {
                throw new IllegalStateException("a bug");
            })));

    @Test
    void errorsAreProblemDetailsWithTheCodeAndTheEarlierShape() {
        HttpResponse response = api.handle(get("/busy", "req-429"));
        assertThat(response.headers()).containsEntry("content-type", Problem.CONTENT_TYPE);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("status").intValue()).isEqualTo(429);
        assertThat(body.get("type").stringValue()).isEqualTo("urn:bianmin:problem:too-many-requests");
        assertThat(body.get("title").stringValue()).isEqualTo("请求过于频繁");
        assertThat(body.get("detail").stringValue()).isEqualTo("查询过于频繁，请稍后再试。");
        assertThat(body.get("instance").stringValue()).isEqualTo("urn:bianmin:request:req-429");
        assertThat(body.get("code").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body.get("requestId").stringValue()).isEqualTo("req-429");
        assertThat(body.get("error").get("code").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(body.get("error").get("message").stringValue()).isEqualTo("查询过于频繁，请稍后再试。");
    }

    @Test
    void everyResponseCarriesItsRequestIdAndTheRouteLogsUnderIt() {
        assertThat(api.handle(get("/ok", "req-ok")).headers()).containsEntry("x-request-id", "req-ok");
        assertThat(idSeenByRoute.get()).isEqualTo("req-ok");
        assertThat(MDC.get(HttpApi.REQUEST_ID)).as("the id leaves the logging context with the request").isNull();
        assertThat(api.handle(get("/nothing", "req-404")).headers()).containsEntry("x-request-id", "req-404");
    }

    @Test
    void tooManyRequestsAndUnavailableSayWhenToRetry() {
        assertThat(api.handle(get("/busy", "a1")).headers()).containsEntry("retry-after", "60");
        HttpResponse down = api.handle(get("/down", "a2"));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.headers()).containsEntry("retry-after", "30");
        HttpResponse broken = api.handle(get("/broken", "a3"));
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.headers()).doesNotContainKey("retry-after");
        assertThat(broken.body()).doesNotContain("a bug").doesNotContain("IllegalStateException");
    }

    @Test
    void aBrokenEscapeFoundByTheTransportIsAProblemToo() {
        HttpResponse response = HttpApi.rejected(
                catchThrowableOfType(ApiException.class, () -> FormEncoding.decodeQuery("status=%zz")), "t-1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("x-request-id", "t-1");
        assertThat(Json.mapper().readTree(response.body()).get("code").stringValue()).isEqualTo("MALFORMED_ENCODING");
        assertThat(catchThrowableOfType(ApiException.class,
                () -> FormEncoding.decodeQuery("q=" + "x".repeat(FormEncoding.MAX_QUERY_LENGTH))).status()).isEqualTo(414);
    }

    private static HttpRequest get(String path, String requestId) {
        return new HttpRequest("GET", path, Map.of(), Map.of(), "", requestId, Map.of());
    }
}
