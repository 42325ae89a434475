package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.local.mqtt.MqttBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device publishes with a real MQTT client to the local runtime's broker; the bridge turns the event into an
 * alarm and a hotline ticket. Devices log in with their own credentials; bad payloads are dead-lettered and the
 * bridge keeps going.
 */
class MqttBridgeTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext runtime;
    private static String base;
    private static int mqttPort;

    @BeforeAll
    static void start() {
        mqttPort = freePort();
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + mqttPort);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String register(String type) throws Exception {
        String id = "MQ-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = post("/v1/devices", "{\"deviceId\":\"" + id + "\",\"type\":\"" + type
                + "\",\"address\":\"东湖区桂花路18号\",\"owner\":\"桂花社区\",\"ownerPhone\":\"13800009999\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static Mqtt3BlockingClient connect(String deviceId, String password) {
        return connect(deviceId, deviceId, password);
    }

    @Test
    void aPublishedSmokeEventBecomesAnAlarmWithATicket() throws Exception {
        String id = register("smoke_detector");
        Mqtt3BlockingClient device = connect(id, DeviceCredentials.development().passwordFor(id));
        publish(device, "city/donghu/sensors/" + id + "/events", "{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}", 1);
        device.disconnect();

        // The alarm is stored first and its ticket attached right after: wait for both, not just the alarm.
        JsonNode alarm = null;
        Instant deadline = Instant.now().plusSeconds(20);
        while ((alarm == null || alarm.path("trackingNumber").isNull() || alarm.path("trackingNumber").isMissingNode())
                && Instant.now().isBefore(deadline)) {
            for (JsonNode candidate : json.readTree(get("/v1/alarms?status=OPEN&type=SMOKE").body()).get("alarms")) {
                if (candidate.get("deviceId").stringValue().equals(id)) {
                    alarm = candidate;
                }
            }
            Thread.sleep(100);
        }
        assertThat(alarm).as("alarm for " + id).isNotNull();
        assertThat(alarm.get("trackingNumber").stringValue()).matches("BM\\d{12}");
    }

    @Test
    void devicesNeedTheirOwnCredentials() throws Exception {
        String id = register("garbage_bin");
        assertThatThrownBy(() -> connect(id, "wrong")).isInstanceOf(Mqtt3ConnAckException.class);
        assertThatThrownBy(() -> connect("NOT-REGISTERED", DeviceCredentials.development().passwordFor("NOT-REGISTERED")))
                .isInstanceOf(Mqtt3ConnAckException.class);
    }

    @Test
    void badPayloadsAreDeadLetteredAndTheBridgeKeepsWorking() throws Exception {
        int before = json.readTree(get("/v1/devices/dead-letters").body()).get("count").intValue();
        String id = register("water_level");
        Mqtt3BlockingClient device = connect(id, DeviceCredentials.development().passwordFor(id));
        publish(device, "city/donghu/sensors/" + id + "/events", "{not json", 1);
        publish(device, "city/donghu/sensors/" + id + "/events", "{\"deviceId\":\"" + id + "\",\"readings\":{\"waterLevelCm\":" + "9".repeat(70_000) + "}}", 1);
        publish(device, "city/donghu/sensors/" + id + "/events", "{\"deviceId\":\"" + id + "\",\"readings\":{\"waterLevelCm\":40}}", 1);
        device.disconnect();
        Instant deadline = Instant.now().plusSeconds(20);
        int after = before;
        boolean alarmed = false;
        while ((after < before + 2 || !alarmed) && Instant.now().isBefore(deadline)) {
            after = json.readTree(get("/v1/devices/dead-letters").body()).get("count").intValue();
            alarmed = get("/v1/alarms?status=OPEN&type=WATERLOGGING").body().contains(id);
            Thread.sleep(100);
        }
        assertThat(after).isGreaterThanOrEqualTo(before + 2);
        assertThat(alarmed).isTrue();
    }

    /** Registry and alarm calls as a device administrator (development token). */
    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .header("authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("authorization", "Bearer " + ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static final String ADMIN_TOKEN = LocalRuntime.devToken(java.util.List.of("--device-admin"));

    private static Mqtt3BlockingClient connect(String clientId, String user, String password) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(clientId)
                .serverHost("127.0.0.1").serverPort(mqttPort).buildBlocking();
        client.connectWith().simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        return client;
    }

    private static void publish(Mqtt3BlockingClient device, String topic, String payload, int qos) {
        device.publishWith().topic(topic).qos(qos == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }
    private static boolean openAlarm(String deviceId, String type) throws Exception {
        return get("/v1/alarms?status=OPEN&type=" + type).body().contains("\"" + deviceId + "\"");
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.call() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(condition.call()).isTrue();
    }

    /**
     * A device publishes only to its own topic and only for itself; what it sends anywhere else never becomes an
     * alarm of another device. Its own next event still does, which also proves the forgeries had their turn first.
     */
    @Test
    void aDeviceSpeaksOnlyForItself() throws Exception {
        String mine = register("smoke_detector");
        String theirs = register("smoke_detector");
        Mqtt3BlockingClient device = connect(mine, DeviceCredentials.development().passwordFor(mine));
        String theirSmoke = "{\"deviceId\":\"" + theirs + "\",\"readings\":{\"smoke\":1}}";
        // the other device's topic: the broker refuses the publish (a client sees no error at QoS 0, so use it)
        publish(device, "city/donghu/sensors/" + theirs + "/events", theirSmoke, 0);
        // its own topic, the other device's id in the payload: refused by the bridge
        publish(device, "city/donghu/sensors/" + mine + "/events", theirSmoke, 1);
        // a camera topic for a smoke detector
        publish(device, "city/donghu/cameras/" + mine + "/detections", "{\"deviceId\":\"" + mine + "\",\"detection\":\"street_vendor\",\"confidence\":0.99}", 0);
        publish(device, "city/donghu/sensors/" + mine + "/events", "{\"deviceId\":\"" + mine + "\",\"readings\":{\"smoke\":1}}", 1);
        waitFor(() -> openAlarm(mine, "SMOKE"));
        Thread.sleep(500);
        assertThat(openAlarm(theirs, "SMOKE")).isFalse();
        assertThat(get("/v1/alarms?status=OPEN&type=STREET_VENDOR").body()).doesNotContain(mine);
        device.disconnect();
    }

    /** Devices read nothing: a subscription to everything is refused, and so is one to the device's own topic. */
    @Test
    void aDeviceSubscribesToNothing() throws Exception {
        String id = register("water_level");
        Mqtt3BlockingClient device = connect(id, DeviceCredentials.development().passwordFor(id));
        for (String filter : new String[] {"#", "city/+/sensors/+/events", "city/donghu/sensors/" + id + "/events"}) {
            assertThatThrownBy(() -> device.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send()).as(filter)
                    .isInstanceOf(Mqtt3SubAckException.class);
        }
        device.disconnect();
    }

    /**
     * The bridge's client id is reserved: a device that logs in with it is refused, and the bridge keeps its session,
     * so every acknowledged event after the attempt still becomes an alarm.
     */
    @Test
    void aDeviceCannotTakeTheBridgesPlace() throws Exception {
        String id = register("smoke_detector");
        String password = DeviceCredentials.development().passwordFor(id);
        assertThatThrownBy(() -> connect(MqttBridge.CLIENT_ID, id, password)).isInstanceOf(Mqtt3ConnAckException.class);
        assertThatThrownBy(() -> connect("another-client", id, password)).as("a device logs in under its own id")
                .isInstanceOf(Mqtt3ConnAckException.class);
        Mqtt3BlockingClient device = connect(id, password);
        publish(device, "city/donghu/sensors/" + id + "/events", "{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}", 1);
        device.disconnect();
        waitFor(() -> openAlarm(id, "SMOKE"));
    }
}
