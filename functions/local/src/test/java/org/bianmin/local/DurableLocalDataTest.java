package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local runtime keeps what it acknowledged: requests filed, then the runtime killed with SIGKILL (no shutdown
 * hook runs), then started again on the same data directory; every receipt still resolves, an old Idempotency-Key
 * still returns its ticket, and a conversation keeps its topic. Also: the dynalite child dies with its parent, and a
 * second runtime on a directory in use is refused with a message.
 */
class DurableLocalDataTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Filed(String key, String body, String trackingNumber, String code) {
    }

    @Test
    void acknowledgedDataSurvivesKillNineAndTheStoreDiesWithItsParent(@TempDir Path data) throws Exception {
        List<Filed> filed = new ArrayList<>();
        String sessionId;
        List<ProcessHandle> children;
        try (RuntimeProcess first = RuntimeProcess.launch(data)) {
            String base = first.awaitListening();
            assertThat(first.output()).contains("Data directory: " + data.toAbsolutePath().normalize());
            for (int i = 0; i < 5; i++) {
                String key = "durable-" + UUID.randomUUID();
                String body = "{\"text\":\"桂花路" + (i + 1) + "号门口的路灯坏了好几天了，晚上很黑\",\"phone\":\"1380000" + (1000 + i)
                        + "\",\"location\":{\"address\":\"东湖区桂花路" + (i + 1) + "号\"},\"channel\":\"api\"}";
                HttpResponse<String> response = fileRequest(base, key, body);
                assertThat(response.statusCode()).as(response.body() + "\n" + first.output()).isEqualTo(201);
                JsonNode receipt = json.readTree(response.body());
                filed.add(new Filed(key, body, receipt.get("trackingNumber").stringValue(),
                        receipt.get("verificationCode").stringValue()));
            }
            JsonNode answer = json.readTree(post(base + "/v1/inquiries", "{\"text\":\"居住证怎么申请\"}").body());
            assertThat(answer.get("entry").get("id").stringValue()).startsWith("jzz-");
            sessionId = answer.get("sessionId").stringValue();

            try (RuntimeProcess second = RuntimeProcess.launch(data)) {
                assertThat(second.awaitExit()).isNotZero();
                assertThat(second.output()).contains("is in use by another Bianmin runtime");
            }
            assertThat(get(base + "/health").statusCode()).as("the first runtime is untouched").isEqualTo(200);

            children = first.children();
            assertThat(children).as("dynalite runs as a child process").isNotEmpty();
            first.kill();
        }
        for (ProcessHandle child : children) {
            child.onExit().get(15, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("no orphan after kill -9 of the runtime").isFalse();
        }

        try (RuntimeProcess restarted = RuntimeProcess.launch(data)) {
            String base = restarted.awaitListening();
            for (Filed request : filed) {
                HttpResponse<String> status = get(base + "/v1/requests/" + request.trackingNumber() + "?code=" + request.code());
                assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
                assertThat(json.readTree(status.body()).get("trackingNumber").stringValue()).isEqualTo(request.trackingNumber());
            }
            Filed replayed = filed.get(0);
            HttpResponse<String> replay = fileRequest(base, replayed.key(), replayed.body());
            assertThat(json.readTree(replay.body()).get("trackingNumber").stringValue())
                    .as("an old Idempotency-Key returns its ticket, it does not file a new one")
                    .isEqualTo(replayed.trackingNumber());
            JsonNode followUp = json.readTree(post(base + "/v1/inquiries",
                    "{\"text\":\"在哪里办\",\"sessionId\":\"" + sessionId + "\"}").body());
            assertThat(followUp.get("entry").get("id").stringValue()).as("the conversation survived").startsWith("jzz-");
        }
    }

    private static HttpResponse<String> fileRequest(String base, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/requests"))
                .header("content-type", "application/json").header("idempotency-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
