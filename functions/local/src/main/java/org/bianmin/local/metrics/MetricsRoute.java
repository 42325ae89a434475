package org.bianmin.local.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.bianmin.http.Access;
import org.bianmin.http.ApiException;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;

/**
 * {@code GET /metrics}: the local runtime's metrics in Prometheus text. A scraper is not a person with a staff login,
 * and a staff token would open far more than metrics, so the route is public at the edge and asks for a secret of its
 * own, the scrape token ({@code Authorization: Bearer <token>}), as the device routes ask for device credentials.
 * The token is {@code BIANMIN_METRICS_SCRAPETOKEN} when set, else derived from the local token secret;
 * {@code dev-token --metrics} prints it. Lambda functions do not serve this route: there, metrics go to CloudWatch.
 */
public final class MetricsRoute implements HttpRoute {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final byte[] scrapeToken;

    public MetricsRoute(PrometheusMeterRegistry registry, String scrapeToken) {
        this.registry = registry;
        this.scrapeToken = scrapeToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/metrics";
    }

    /** Public at the edge; the route checks the scrape token itself. */
    @Override
    public Access access() {
        return Access.anyone();
    }

    @Override
    public java.util.Set<Integer> statuses() {
        return java.util.Set.of(200, 401);
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String authorization = request.header("authorization").orElse("");
        byte[] presented = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(presented, scrapeToken)) {
            throw new ApiException(401, "UNAUTHENTICATED", "需要指标采集令牌（Authorization: Bearer <采集令牌>）。");
        }
        return new HttpResponse(200, Map.of("content-type", CONTENT_TYPE), registry.scrape());
    }
}
