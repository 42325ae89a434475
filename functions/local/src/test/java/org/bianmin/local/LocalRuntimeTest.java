package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local runtime as a newcomer starts it: embedded Tomcat, Lucene in process, dynalite (in memory) as a child
 * process. Every request goes over real HTTP.
 */
class LocalRuntimeTest {

    private static final JsonMapper json = JsonMapper.builder().build();
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
    void healthReportsEveryDependencyUp() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").stringValue()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("knowledgeIndex").get("engine").stringValue()).isEqualTo("lucene");
        assertThat(body.get("dependencies").get("knowledgeIndex").get("documents").intValue()).isGreaterThanOrEqualTo(400);
        assertThat(body.get("dependencies").get("conversations").get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void answersAQuestionAndItsFollowUpOverHttp() throws Exception {
        JsonNode first = json.readTree(postJson("{\"text\":\"居住证怎么申请\",\"channel\":\"phone\"}").body());
        assertThat(first.get("action").stringValue()).isEqualTo("ANSWER");
        assertThat(first.get("entry").get("id").stringValue()).startsWith("jzz-");
        String sessionId = first.get("sessionId").stringValue();

        JsonNode followUp = json.readTree(postJson("{\"text\":\"在哪里办\",\"sessionId\":\"" + sessionId + "\"}").body());
        assertThat(followUp.get("action").stringValue()).isEqualTo("ANSWER");
        assertThat(followUp.get("entry").get("id").stringValue()).startsWith("jzz-");
        assertThat(followUp.get("answer").stringValue()).contains("办理地点");
        assertThat(followUp.get("sessionId").stringValue()).isEqualTo(sessionId);
    }

    @Test
    void querySyntaxCharactersArePlainText() throws Exception {
        HttpResponse<String> response = postJson("{\"text\":\"公积金 AND (提取) : * ~ \\\" \\\\ 租房\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("action").stringValue()).isIn("ANSWER", "CLARIFY");
    }

    @Test
    void badInputGetsA400WithTheErrorShape() throws Exception {
        assertError(postJson("{\"text\":\"\"}"), 400, "TEXT_REQUIRED");
        assertError(postJson("{\"text\":\"  \\n\\t \"}"), 400, "TEXT_REQUIRED");
        assertError(postJson("{}"), 400, "TEXT_REQUIRED");
        assertError(postJson("{\"text\":\"" + "问".repeat(501) + "\"}"), 400, "TEXT_TOO_LONG");
        assertError(postJson("{\"text\": 12}"), 400, "INVALID_FIELD");
        assertError(postJson("{\"text\":\"公积金\""), 400, "INVALID_JSON");
        assertError(postJson("[\"公积金\"]"), 400, "INVALID_JSON");
        assertError(postJson("{\"text\":\"公积金\",\"channel\":\"fax\"}"), 400, "INVALID_CHANNEL");
        assertError(postJson("{\"text\":\"公积金\",\"sessionId\":\"../../etc\"}"), 400, "INVALID_SESSION_ID");
        assertError(post("/v1/inquiries", "text=公积金", "text/plain"), 400, "UNSUPPORTED_CONTENT_TYPE");
        assertError(post("/v1/inquiries", "{\"text\":\"" + "问".repeat(30_000) + "\"}", "application/json"), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void classifiesARequestWithoutCreatingAnything() throws Exception {
        HttpResponse<String> response = post("/v1/requests/classify",
                "{\"text\":\"我家楼下工地晚上十二点还在打桩，吵得孩子睡不着\"}", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("domain").stringValue()).isEqualTo("环境保护");
        assertThat(body.get("department").stringValue()).isNotBlank();
        assertThat(body.get("confidence").doubleValue()).isBetween(0.0, 1.0);
        assertThat(body.get("alternatives")).hasSize(3);
        assertThat(body.get("terms").toString()).contains("工地");
        assertError(post("/v1/requests/classify", "{\"text\":\"太吵\"}", "application/json"), 400, "TEXT_LENGTH");
    }

    @Test
    void staffRoutesNeedADevelopmentTokenLocally() throws Exception {
        assertError(get("/v1/staff/requests"), 401, "UNAUTHENTICATED");
        String forged = LocalRuntime.devToken(java.util.List.of("--dispatch")) + "x";
        assertError(send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests"))
                .header("authorization", "Bearer " + forged).GET().build()), 401, "UNAUTHENTICATED");
        assertError(send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests"))
                .header("x-bianmin-claim-sub", "spoofed").header("x-bianmin-claim-role", "dispatch").GET().build()),
                401, "UNAUTHENTICATED");
        String token = LocalRuntime.devToken(java.util.List.of("--department=市城市管理局", "--subject=cg-7"));
        HttpResponse<String> queue = send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests?status=DISPATCHED"))
                .header("authorization", "Bearer " + token).GET().build());
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(json.readTree(queue.body()).get("count").intValue()).isGreaterThanOrEqualTo(0);
        // a citizen token is for citizen routes only, as the two authorizers in AWS are
        String citizen = LocalRuntime.devToken(java.util.List.of("--citizen=11010519491231002X"));
        assertError(send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests"))
                .header("authorization", "Bearer " + citizen).GET().build()), 401, "UNAUTHENTICATED");
    }

    /**
     * Instant approval locally: no token is a 401, a staff token is not a citizen's, a citizen applies only for
     * themselves, and the reply holds outcomes and reasons but no values from the data sources.
     */
    @Test
    void approvalsNeedTheApplicantsOwnCitizenToken() throws Exception {
        String self = "11010519491231002X";
        String body = "{\"applicationId\":\"local-" + java.util.UUID.randomUUID() + "\",\"item\":\"elderly-allowance\","
                + "\"applicant\":{\"idNumber\":\"" + self + "\",\"name\":\"王某某\"},\"fields\":{\"bankAccount\":\"6217000000000000000\"}}";
        java.util.function.Function<String, HttpResponse<String>> apply = token -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v1/approvals"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("authorization", "Bearer " + token);
            }
            try {
                return send(request.build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertError(apply.apply(null), 401, "UNAUTHENTICATED");
        assertError(apply.apply(LocalRuntime.devToken(java.util.List.of("--dispatch"))), 401, "UNAUTHENTICATED");
        assertError(apply.apply(LocalRuntime.devToken(java.util.List.of("--citizen=110105194912310038"))), 403, "NOT_THE_APPLICANT");
        HttpResponse<String> own = apply.apply(LocalRuntime.devToken(java.util.List.of("--citizen=" + self)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("checks").findValues("evidence")).isEmpty();
        assertThat(json.readTree(own.body()).get("checks").findValues("explanation")).isNotEmpty();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownRoutesAndMethodsAreClear() throws Exception {
        assertError(get("/v1/nothing-here"), 404, "NOT_FOUND");
        HttpResponse<String> wrongMethod = get("/v1/inquiries");
        assertError(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("code").stringValue()).isEqualTo(code);
        assertThat(problem.get("detail").stringValue()).isNotBlank().doesNotContain("Exception");
        // the earlier shape, kept for one release
        JsonNode error = problem.get("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).isNotBlank().doesNotContain("Exception");
    }

    /**
     * The development sign-in hands out the tokens the pages and a newcomer need: a device administrator's (opens
     * the alarm feed, not the ticket queue) and a resident's for instant approval (a malformed ID number is a 400).
     */
    @Test
    void theDevelopmentSignInIssuesDeviceAdministratorAndCitizenTokens() throws Exception {
        String admin = json.readTree(post("/local/sign-in", "{\"role\":\"device-admin\"}", "application/json").body())
                .get("token").stringValue();
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/v1/alarms")).header("authorization", "Bearer " + admin)
                .GET().build()).statusCode()).isEqualTo(200);
        assertError(send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests")).header("authorization", "Bearer " + admin)
                .GET().build()), 403, "FORBIDDEN");
        assertError(get("/v1/alarms"), 401, "UNAUTHENTICATED");

        assertError(post("/local/sign-in", "{\"idNumber\":\"123\"}", "application/json"), 400, "INVALID_ID_NUMBER");
        HttpResponse<String> citizen = post("/local/sign-in", "{\"idNumber\":\"11010519491231002x\"}", "application/json");
        assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(200);
        assertThat(citizen.body()).doesNotContain("11010519491231002");
        String token = json.readTree(citizen.body()).get("token").stringValue();
        HttpResponse<String> applied = send(HttpRequest.newBuilder(URI.create(base + "/v1/approvals"))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"applicationId\":\"signin-" + java.util.UUID.randomUUID()
                        + "\",\"item\":\"elderly-allowance\",\"applicant\":{\"idNumber\":\"11010519491231002X\",\"name\":\"王某某\"},"
                        + "\"fields\":{\"bankAccount\":\"6217000000000000000\"}}")).build());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    }

    private static HttpResponse<String> postJson(String body) throws Exception {
        return post("/v1/inquiries", body, "application/json");
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
