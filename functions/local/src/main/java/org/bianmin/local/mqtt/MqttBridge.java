package org.bianmin.local.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bianmin.devices.application.DeviceTopics;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the device topics (QoS 1) and hands each message to the same processing as the AWS path.
 *
 * <p>HiveMQ's MQTT client keeps the connection: it reconnects with exponential backoff and, because the session is
 * persistent, the broker keeps the subscriptions and the unacknowledged messages meanwhile (the client also restores
 * the subscriptions itself should the session have expired). The message handler is registered for every incoming
 * publish before connecting, so the messages a persistent session delivers right after the reconnect are not missed.
 *
 * <p>Work is bounded: a few workers and a small backlog; when both are full the client's callback thread runs the
 * event itself, so reading from the broker pauses and QoS 1 flow control slows the publishers instead of memory
 * filling up. A message is acknowledged only after it was processed (manual acknowledgement), so an event that was
 * delivered but not yet processed when the runtime died is delivered again.
 */
public final class MqttBridge implements AutoCloseable {

    public static final String SENSOR_TOPICS = DeviceTopics.SENSOR_EVENTS;
    public static final String CAMERA_TOPICS = DeviceTopics.CAMERA_DETECTIONS;
    /** The bridge's client id, reserved for it by the embedded broker. */
    public static final String CLIENT_ID = "bianmin-bridge";
    private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Mqtt3AsyncClient client;
    private final ThreadPoolExecutor workers;
    /** Set before a disconnect of our own, so that the client does not reconnect after it. */
    private volatile boolean closing;

    /**
     * @param url the broker, {@code tcp://host:port}
     * @throws IllegalStateException when the broker cannot be reached or refuses the bridge's login
     */
    public MqttBridge(String url, String username, String password, ProcessingDeviceEvent processing) {
        this.workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), r -> {
            Thread thread = new Thread(r, "mqtt-bridge");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        URI broker = URI.create(url);
        this.client = MqttClient.builder().useMqttVersion3()
                .identifier(CLIENT_ID)
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() > 0 ? broker.getPort() : 1883)
                .simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addDisconnectedListener(context -> {
                    if (closing) {
                        context.getReconnector().reconnect(false);
                    } else {
                        log.warn("MQTT connection lost, reconnecting: {}", context.getCause().toString());
                    }
                })
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> workers.execute(() -> handle(processing, publish)), true);
        try {
            client.connectWith().cleanSession(false).send().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("MQTT bridge connected to {}, subscribing to {} and {}", url, SENSOR_TOPICS, CAMERA_TOPICS);
            client.subscribeWith()
                    .addSubscription().topicFilter(SENSOR_TOPICS).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                    .addSubscription().topicFilter(CAMERA_TOPICS).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                    .send().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("MQTT bridge subscribed");
        } catch (Exception e) {
            close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot connect the MQTT bridge to " + url + ": " + cause, cause);
        }
    }

    private static void handle(ProcessingDeviceEvent processing, Mqtt3Publish publish) {
        String topic = publish.getTopic().toString();
        try {
            process(processing, topic, new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.error("device event failed on topic {}", topic, e);
        } finally {
            // processed or dead-lettered by the processing: either way the event is in the store now
            publish.acknowledge();
        }
    }

    /**
     * The topic names the sender (the broker lets a device publish only to its own); a payload that names another
     * device is refused and dead-lettered, so a device cannot speak for its neighbour through its own topic either.
     */
    static void process(ProcessingDeviceEvent processing, String topic, String payload) {
        Optional<String> sender = DeviceTopics.deviceOf(topic);
        if (sender.isEmpty()) {
            processing.process("mqtt:" + topic, payload);
            return;
        }
        ProcessingDeviceEvent.Result result = processing.processFrom(sender.get(), "mqtt:" + topic, payload);
        if (result.outcome() == ProcessingDeviceEvent.Outcome.REFUSED) {
            log.warn("device event refused on topic {}: {}", topic, result.reason());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            client.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // shutting down: an unacknowledged message stays with the broker's session for the next start
        }
        workers.shutdown();
    }
}
