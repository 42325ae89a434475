package org.bianmin.local.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-device broker credentials for the local runtime: username = device id, password = HMAC-SHA256 of the id
 * with the local secret ({@code BIANMIN_LOCAL_MQTT_SECRET}, a public development value by default). In AWS
 * devices authenticate to IoT Core with X.509 certificates instead.
 */
public final class DeviceCredentials {

    private static final String DEVELOPMENT_SECRET = "bianmin-local-mqtt-development-secret";
    private final byte[] secret;

    public DeviceCredentials(String secret) {
        this.secret = (secret == null || secret.isBlank() ? DEVELOPMENT_SECRET : secret).getBytes(StandardCharsets.UTF_8);
    }

    public static DeviceCredentials fromEnvironment() {
        return new DeviceCredentials(System.getenv("BIANMIN_LOCAL_MQTT_SECRET"));
    }

    public String passwordFor(String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String deviceId, byte[] password) {
        return deviceId != null && password != null && MessageDigest.isEqual(
                passwordFor(deviceId).getBytes(StandardCharsets.UTF_8), password);
    }
}
