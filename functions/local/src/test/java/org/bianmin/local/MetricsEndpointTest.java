package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code GET /metrics} on the local runtime over real HTTP: the counters the functions write in Lambda as EMF move
 * with real requests, under the same names, and only a scraper with the scrape token reads them.
 */
class MetricsEndpointTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext runtime;
    private static String base;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void countersMoveWithRealRequests() throws Exception {
        String before = scrape();
        double answered = value(before, "inquiry_outcomes_total{action=\"ANSWER\"}");
        double handedOff = value(before, "inquiry_outcomes_total{action=\"HANDOFF\"}");
        double filed = value(before, "tickets_filed_total{channel=\"api\",domain=\"URBAN_CONSTRUCTION\"}");
        double timed = value(before, "http_requests_seconds_count{method=\"POST\",route=\"/v1/inquiries\",status=\"200\"}");

        assertThat(post("/v1/inquiries", "{\"text\":\"居住证怎么申请\",\"channel\":\"phone\"}").statusCode()).isEqualTo(200);
        assertThat(post("/v1/inquiries", "{\"text\":\"我们小区门口的路灯坏了好几天了\"}").body()).contains("HANDOFF");
        assertThat(post("/v1/requests", "{\"text\":\"桂花路的路灯坏了一个星期了\",\"phone\":\"13800001234\","
                + "\"location\":{\"address\":\"东湖区桂花路18号\"},\"channel\":\"api\"}").statusCode()).isEqualTo(201);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/requests/BM20260101000001?code=000000")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

        String after = scrape();
        assertThat(value(after, "inquiry_outcomes_total{action=\"ANSWER\"}")).isEqualTo(answered + 1);
        assertThat(value(after, "inquiry_outcomes_total{action=\"HANDOFF\"}")).isEqualTo(handedOff + 1);
        assertThat(value(after, "tickets_filed_total{channel=\"api\",domain=\"URBAN_CONSTRUCTION\"}")).isEqualTo(filed + 1);
        assertThat(value(after, "http_requests_seconds_count{method=\"POST\",route=\"/v1/inquiries\",status=\"200\"}"))
                .as("both inquiries were answered with 200").isEqualTo(timed + 2);
        // the route's template, not the tracking number, is the label
        assertThat(after).contains("route=\"/v1/requests/{trackingNumber}\",status=\"404\"").doesNotContain("BM20260101000001");
    }

    @Test
    void onlyTheScrapeTokenOpensTheMetrics() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("UNAUTHENTICATED").doesNotContain("inquiry_outcomes");

        String staff = LocalTokens.fromEnvironment().issueStaff("someone", null, "dispatch", java.time.Duration.ofMinutes(5));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).header("authorization", "Bearer " + staff).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private static String scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("authorization", "Bearer " + LocalConfiguration.scrapeToken("", LocalTokens.fromEnvironment())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        return response.body();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .header("idempotency-key", "metrics-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample's value in Prometheus text, 0 when the series does not exist yet. */
    private static double value(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
