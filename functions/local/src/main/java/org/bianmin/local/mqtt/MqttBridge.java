package org.bianmin.local.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bianmin.devices.application.DeviceTopics;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the device topics (QoS 1) and hands each message to the same processing as the AWS path.
 * Reconnects with backoff (Paho's automatic reconnect) and resubscribes. Work is bounded: a few workers and a
 * small backlog; when both are full the MQTT callback waits, so the broker's QoS 1 flow control slows the
 * publishers instead of memory filling up. A message is acknowledged only after it was processed.
 */
public final class MqttBridge implements AutoCloseable {

    public static final String SENSOR_TOPICS = DeviceTopics.SENSOR_EVENTS;
    public static final String CAMERA_TOPICS = DeviceTopics.CAMERA_DETECTIONS;
    /** The bridge's client id, reserved for it by the embedded broker. */
    public static final String CLIENT_ID = "bianmin-bridge";
    private static final Logger log = LoggerFactory.getLogger(MqttBridge.class);

    private final MqttClient client;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService resubscriber = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mqtt-resubscribe");
        thread.setDaemon(true);
        return thread;
    });

    public MqttBridge(String url, String username, String password, ProcessingDeviceEvent processing) {
        this.workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200), r -> {
            Thread thread = new Thread(r, "mqtt-bridge");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            client = new MqttClient(url, CLIENT_ID, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName(username);
            options.setPassword(password.toCharArray());
            options.setAutomaticReconnect(true);
            options.setCleanSession(false);
            options.setMaxInflight(100);
            client.setManualAcks(true);
            client.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    // Off the callback thread: a blocking subscribe from Paho's own callback can stall it.
                    if (reconnect) {
                        resubscriber.execute(MqttBridge.this::subscribeUntilDone);
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    log.warn("MQTT connection lost, reconnecting: {}", cause.toString());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    workers.execute(() -> {
                        try {
                            process(processing, topic, new String(message.getPayload(), StandardCharsets.UTF_8));
                        } catch (RuntimeException e) {
                            log.error("device event failed on topic {}", topic, e);
                        } finally {
                            acknowledge(message);
                        }
                    });
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            client.connect(options);
            log.info("MQTT bridge connected to {}, subscribing to {} and {}", url, SENSOR_TOPICS, CAMERA_TOPICS);
            subscribeUntilDone();
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect the MQTT bridge to " + url, e);
        }
    }

    /**
     * The topic names the sender (the broker lets a device publish only to its own); a payload that names another
     * device is refused and dead-lettered, so a device cannot speak for its neighbour through its own topic either.
     */
    static void process(ProcessingDeviceEvent processing, String topic, String payload) {
        java.util.Optional<String> sender = DeviceTopics.deviceOf(topic);
        if (sender.isEmpty()) {
            processing.process("mqtt:" + topic, payload);
            return;
        }
        ProcessingDeviceEvent.Result result = processing.processFrom(sender.get(), "mqtt:" + topic, payload);
        if (result.outcome() == ProcessingDeviceEvent.Outcome.REFUSED) {
            log.warn("device event refused on topic {}: {}", topic, result.reason());
        }
    }

    /**
     * At start and after every reconnect: subscribes, and keeps trying every second while the bridge is open, because a
     * subscribe can fail when the connection drops again right away (then the next reconnect also lands here).
     */
    private void subscribeUntilDone() {
        try {
            client.subscribe(new String[] {SENSOR_TOPICS, CAMERA_TOPICS}, new int[] {1, 1});
            log.info("MQTT bridge subscribed");
        } catch (MqttException e) {
            if (!resubscriber.isShutdown()) {
                log.warn("MQTT subscribe failed, retrying in 1 s: {}", e.toString());
                resubscriber.schedule(this::subscribeUntilDone, 1, TimeUnit.SECONDS);
            }
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            log.warn("MQTT ack failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        resubscriber.shutdownNow();
        try {
            client.disconnect();
            client.close();
        } catch (MqttException ignored) {
            // shutting down
        }
        workers.shutdown();
    }
}
