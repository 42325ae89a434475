package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.http.Access;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Malformed input against every route of the running local runtime, over real HTTP (Tomcat included): broken JSON,
 * wrong types, absurd numbers, control characters, broken percent escapes in bodies and query strings. The caller's
 * mistakes must never become a 5xx, with or without a staff token, and every 4xx must carry the error body.
 */
class RouteFuzzTest {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConfigurableApplicationContext runtime;
    private static String base;
    private static LocalTokens tokens;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort();
        tokens = runtime.getBean(LocalTokens.class);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void malformedBodiesNeverGiveA5xx() throws Exception {
        List<HttpRoute> posts = routes("POST");
        assertThat(posts).hasSizeGreaterThanOrEqualTo(10);
        List<String> bodies = malformedBodies();
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(40);
        List<String> failures = new ArrayList<>();
        for (HttpRoute route : posts) {
            for (String body : bodies) {
                for (String contentType : List.of("application/json", "application/x-www-form-urlencoded")) {
                    boolean withToken = (body.hashCode() & 1) == 0;
                    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path(route)))
                            .header("content-type", contentType)
                            .header("idempotency-key", "fuzz-" + Integer.toHexString(body.hashCode()) + "-" + contentType.length())
                            .headers(withToken ? new String[] {"authorization", credentialsFor(route)} : new String[] {"x-fuzz", "1"})
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                    check(route, body, response, failures);
                }
            }
            HttpResponse<String> invalidUtf8 = send(HttpRequest.newBuilder(URI.create(base + path(route)))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'})));
            check(route, "invalid UTF-8", invalidUtf8, failures);
        }
        assertThat(failures).as("routes that answered malformed input with a 5xx or without the error body").isEmpty();
    }

    @Test
    void malformedQueryStringsNeverGiveA5xx() throws Exception {
        List<HttpRoute> gets = routes("GET");
        assertThat(gets).hasSizeGreaterThanOrEqualTo(5);
        List<String> queries = List.of("status=%zz", "%", "a=%G1&b=1", "limit=-1", "limit=1e400",
                "limit=99999999999999999999999", "from=not-a-date&to=%E4%B8", "status='%20OR%201=1--",
                "q=" + "%E5%8F%B0".repeat(3000), "&&&==&=", "start_date=%ZZ&end_date=2026-13-45T99:99:99Z",
                "service_code=%00%01%02", "page=NaN&cursor=%7B%7D");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        List<String> failures = new ArrayList<>();
        for (HttpRoute route : gets) {
            for (String query : queries) {
                RawResponse response = rawGet(path(route) + "?" + query, credentialsFor(route));
                String shown = query.length() > 60 ? query.substring(0, 60) + "…" : query;
                if (response.status() >= 500 || response.status() >= 400 && !hasErrorBody(response.body())) {
                    failures.add("GET " + route.pathTemplate() + " <- " + shown + " -> " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(failures).as("routes that answered a malformed query string with a 5xx").isEmpty();
    }

    @Test
    void aBrokenPercentEscapeIsA400WithTheErrorBody() throws Exception {
        RawResponse response = rawGet("/v1/staff/requests?status=%zz",
                "Bearer " + tokens.issueStaff("fuzz-tester", null, Access.DISPATCH_ROLE, Duration.ofMinutes(30)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("MALFORMED_ENCODING");
    }

    /**
     * Credentials that get past the route's caller check, so that the malformed body reaches its parsing: a token
     * of a role the route accepts, a citizen token, or a device's own password.
     */
    private static String credentialsFor(HttpRoute route) {
        Access access = route.access();
        return switch (access.caller()) {
            case CITIZEN -> "Bearer " + tokens.issueCitizen("11010519491231002X", Duration.ofMinutes(30));
            case DEVICE -> "Basic " + java.util.Base64.getEncoder().encodeToString(
                    ("d-1:" + DeviceCredentials.development().passwordFor("d-1")).getBytes(StandardCharsets.UTF_8));
            case STAFF, PUBLIC -> "Bearer " + tokens.issueStaff("fuzz-tester", null,
                    access.roles().contains(Access.DEVICE_ADMIN_ROLE) ? Access.DEVICE_ADMIN_ROLE : Access.DISPATCH_ROLE,
                    Duration.ofMinutes(30));
        };
    }

    /** At least 40 bodies that no route accepts as they are. */
    private static List<String> malformedBodies() {
        List<String> bodies = new ArrayList<>(List.of("", " ", "{", "}", "[", "]", "[]", "null", "true", "0", "-1", "1e400",
                "\"text\"", "{\"a\":", "{'text':'公积金'}", "{\"text\":null}", "{\"text\":123}", "{\"text\":[]}",
                "{\"text\":{}}", "{\"text\":true}", "{\"text\":\"\\u0000\\u0007路灯不亮了\\u001b[31m\"}", "{\"rating\":1e400}",
                "{\"rating\":\"5\"}", "{\"rating\":-1}", "{\"rating\":99999999999999999999999}", "{\"rating\":4.5}",
                "{\"text\":\"a\",\"text\":\"b\"}", "{\"location\":\"x\"}", "{\"location\":{\"lat\":\"x\"}}",
                "{\"location\":{\"lat\":1e400,\"lon\":0}}", "{\"applicant\":[]}", "{\"applicant\":{\"idNumber\":12}}",
                "{\"idNumbers\":\"x\"}", "{\"idNumbers\":[1,2,null]}", "{\"fields\":1}", "{\"a\":NaN}", "{\"a\":Infinity}",
                "{\"a\":1,}", "/* */{}", "\uFEFF{}", "a=%zz&b=%G1", "description=%G1&service_code=1",
                "{\"deviceId\":\"d-1\",\"type\":\"smoke_detector\",\"lat\":\"NaN\",\"lon\":0}",
                "{\"deviceId\":\"d-1\",\"type\":\"smoke_detector\",\"readings\":{\"smoke\":1e999}}",
                "{\"action\":\"dispatch\",\"department\":{\"$ne\":null}}", "{\"action\":[\"accept\"]}",
                "{\"text\":\"" + "长".repeat(6000) + "\"}", "[" + "{},".repeat(6000) + "{}]"));
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001));
        bodies.add("service_code=&description=" + "地".repeat(7000) + "&address_string=" + "址".repeat(7000));
        bodies.add("x".repeat(70_000));
        return bodies;
    }

    private static void check(HttpRoute route, String input, HttpResponse<String> response, List<String> failures) {
        int status = response.statusCode();
        String shown = input.length() > 60 ? input.substring(0, 60) + "…" : input;
        if (status >= 500) {
            failures.add(route.method() + " " + route.pathTemplate() + " <- " + shown + " -> " + status + " " + response.body());
        } else if (status >= 400 && !hasErrorBody(response.body())) {
            failures.add(route.method() + " " + route.pathTemplate() + " <- " + shown + " -> " + status + " without an error body");
        }
    }

    /** A problem, an Open311 JSON error or an Open311 XML error ({@code <errors><error><code>}). */
    private static boolean hasErrorBody(String body) {
        return body.contains("\"code\"") || body.contains("<code>");
    }

    private static List<HttpRoute> routes(String method) {
        return runtime.getBean(HttpApi.class).routes().stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The route's path with every parameter filled by a plausible but unknown value. */
    private static String path(HttpRoute route) {
        return route.pathTemplate().replaceAll("\\{[^}]+}", "fuzz-1");
    }

    private record RawResponse(int status, String body) {
    }

    /**
     * A GET written on a socket: Java's HTTP client refuses to send a URI with a broken percent escape, which is
     * exactly what a careless or hostile client sends.
     */
    private static RawResponse rawGet(String target, String authorization) throws Exception {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: " + authorization + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
