package org.bianmin.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MQTT publish to persisted ticket, end to end on the local runtime (its own JVM: Moquette broker, bridge,
 * dynalite): 100 registered smoke detectors each publish one alarm at a steady rate; the latency is the
 * ticket's creation time minus the publish time. Then the same with 10x the rate (a burst).
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.MqttToTicketDriver</pre>
 */
public final class MqttToTicketDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MqttToTicketDriver() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = 18181;
        int mqttPort = 18883;
        Process server = startServer(httpPort, mqttPort);
        try {
            String base = "http://127.0.0.1:" + httpPort;
            String token = run("dev-token", "--dispatch").strip();
            String admin = run("dev-token", "--device-admin").strip();
            measure("steady, 10 events/s", base, token, admin, mqttPort, "S", 100, 100);
            measure("burst, 100 events/s (10x)", base, token, admin, mqttPort, "B", 100, 10);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    static void measure(String label, String base, String token, String admin, int mqttPort, String prefix, int devices, long gapMs) throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < devices; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"deviceId\":\"").append(prefix).append("-").append(i)
                    .append("\",\"type\":\"smoke_detector\",\"address\":\"东湖区桂花路").append(i)
                    .append("号\",\"owner\":\"物业\",\"ownerPhone\":\"13800009999\"}");
        }
        send(HttpRequest.newBuilder(URI.create(base + "/v1/devices/import")).header("content-type", "application/json")
                .header("authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString())).build());
        List<Mqtt3BlockingClient> clients = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            String id = prefix + "-" + i;
            Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(id)
                    .serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
            client.connectWith().simpleAuth().username(id)
                    .password(run("device-password", "--device=" + id).strip().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            clients.add(client);
        }
        Map<String, Instant> published = new HashMap<>();
        for (int i = 0; i < devices; i++) {
            String id = prefix + "-" + i;
            Instant now = Instant.now();
            published.put(id, now);
            clients.get(i).publishWith().topic("city/donghu/sensors/" + id + "/events").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}").getBytes(StandardCharsets.UTF_8)).send();
            Thread.sleep(gapMs);
        }
        Thread.sleep(3000);
        List<Long> latencies = new ArrayList<>();
        JsonNode queue = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/v1/staff/requests?status=RECEIVED&limit=200"))
                .header("authorization", "Bearer " + token).GET().build()));
        for (JsonNode ticket : queue.get("requests")) {
            String text = ticket.get("text").stringValue();
            for (Map.Entry<String, Instant> entry : published.entrySet()) {
                if (text.contains("设备 " + entry.getKey() + "（")) {
                    Instant created = OffsetDateTime.parse(ticket.get("createdAt").stringValue()).toInstant();
                    latencies.add(java.time.Duration.between(entry.getValue(), created).toMillis());
                }
            }
        }
        for (Mqtt3BlockingClient client : clients) {
            client.disconnect();
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "%s: %d/%d tickets, publish -> ticket p50 %d ms, p99 %d ms, max %d ms%n", label,
                latencies.size(), devices, at(latencies, 0.5), at(latencies, 0.99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    }

    private static long at(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static Path localJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("functions/local/target"))) {
            return files.filter(p -> p.getFileName().toString().matches("bianmin-local-.*\\.jar")).findFirst().orElseThrow();
        }
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", localJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    private static Process startServer(int httpPort, int mqttPort) throws Exception {
        Path log = Files.createTempFile("bianmin-mqtt-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", localJar().toString(), "--server.port=" + httpPort, "--bianmin.local.mqtt.port=" + mqttPort)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BIANMIN_DATA_DIR", BenchStore.freshDataDirectory());
        Process process = builder.start();
        for (int i = 0; i < 120; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        process.destroy();
        throw new IllegalStateException("local runtime did not start; see " + log);
    }
}
