package org.bianmin.devices.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-device credentials: the user name is the device id, the password is the HMAC-SHA256 of the id under a secret
 * ({@code BIANMIN_DEVICES_CREDENTIALSECRET}). The same pair logs a device in to the local MQTT broker and
 * authenticates its HTTP events ({@code Authorization: Basic}), so a gateway that cannot speak MQTT has no weaker way
 * in. Only the local runtime may fall back to the public development secret.
 */
public final class DeviceCredentials {

    public static final String DEVELOPMENT_SECRET = "bianmin-local-mqtt-development-secret";
    private final byte[] secret;

    public DeviceCredentials(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a device credential secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Credentials under the public development secret: for the local runtime and tests only. */
    public static DeviceCredentials development() {
        return new DeviceCredentials(DEVELOPMENT_SECRET);
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

    /** The device id of an {@code Authorization: Basic} header whose password is right for it; empty otherwise. */
    public Optional<String> deviceOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String deviceId = decoded.substring(0, colon);
        return valid(deviceId, decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) ? Optional.of(deviceId) : Optional.empty();
    }
}
