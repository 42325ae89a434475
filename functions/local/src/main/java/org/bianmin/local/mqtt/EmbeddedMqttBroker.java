package org.bianmin.local.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.devices.application.DeviceTopics;
import org.bianmin.devices.model.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's MQTT broker (Moquette), on 127.0.0.1. Devices log in with their own credentials
 * ({@link DeviceCredentials}), must be registered, and connect with their device id as client id; they may publish
 * only to their own topics and subscribe to nothing ({@link DeviceTopics}). The bridge logs in with a password made
 * at start, and its client id is reserved: a device that tries it is refused instead of taking the bridge's session
 * over (MQTT drops the older of two connections with one client id). Messages up to 1 MB are accepted so that
 * oversized payloads reach the bridge and are dead-lettered with a reason.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private final Server server = new Server();
    private final int port;

    public EmbeddedMqttBroker(int port, DeviceCredentials credentials, Function<String, Optional<Device>> devices,
                              String bridgeUser, String bridgePassword) {
        this.port = port;
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
        IAuthenticator logins = (clientId, username, password) -> {
            if (bridgeUser.equals(username) || MqttBridge.CLIENT_ID.equals(clientId)) {
                return bridgeUser.equals(username) && MqttBridge.CLIENT_ID.equals(clientId) && password != null
                        && MessageDigest.isEqual(bridgePassword.getBytes(StandardCharsets.UTF_8), password);
            }
            return username != null && username.equals(clientId) && devices.apply(username).isPresent()
                    && credentials.valid(username, password);
        };
        IAuthorizatorPolicy topics = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                boolean allowed = user != null && !user.equals(bridgeUser)
                        && devices.apply(user).map(device -> DeviceTopics.mayPublish(device, topic.toString())).orElse(false);
                if (!allowed) {
                    log.warn("MQTT publish refused: client {} may not publish to {}", client, topic);
                }
                return allowed;
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                boolean allowed = bridgeUser.equals(user) && DeviceTopics.isBridgeSubscription(topic.toString());
                if (!allowed) {
                    log.warn("MQTT subscription refused: client {} may not read {}", client, topic);
                }
                return allowed;
            }
        };
        try {
            server.startServer(new MemoryConfig(properties), List.of(), null, logins, topics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MQTT broker on port " + port, e);
        }
        log.info("MQTT broker listening on tcp://127.0.0.1:{}", port);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
