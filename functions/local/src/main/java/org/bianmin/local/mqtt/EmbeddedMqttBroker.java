package org.bianmin.local.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's MQTT broker (Moquette), on 127.0.0.1. Devices log in with their own credentials
 * ({@link DeviceCredentials}) and must be registered; the bridge logs in with a password made at start.
 * Messages up to 1 MB are accepted so that oversized payloads reach the bridge and are dead-lettered with a reason.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private final Server server = new Server();
    private final int port;

    public EmbeddedMqttBroker(int port, DeviceCredentials credentials, Predicate<String> registered,
                              String bridgeUser, String bridgePassword) {
        this.port = port;
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("allow_anonymous", "false");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
        try {
            server.startServer(new MemoryConfig(properties), List.of(), null, (clientId, username, password) -> {
                if (bridgeUser.equals(username)) {
                    return password != null && bridgePassword.equals(new String(password, java.nio.charset.StandardCharsets.UTF_8));
                }
                return registered.test(username) && credentials.valid(username, password);
            }, null);
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
