package org.bianmin.platform.secrets;

import java.util.List;
import java.util.Map;

/**
 * One secret the functions read at start, and the Spring properties it becomes. The environment names the secret
 * (its ARN or name, in {@code property}); its value never passes through the function's configuration.
 *
 * @param property     where the secret's ARN or name is configured, e.g. {@code bianmin.secrets.phonekeys}
 *                     ({@code BIANMIN_SECRETS_PHONEKEYS})
 * @param targets      for a JSON secret: JSON field -> Spring property; for a plain string: the empty field -> property
 */
public record SecretSource(String property, Map<String, String> targets) {

    /** The secrets of the deployed functions. Each function's template entry names only those it needs. */
    public static final List<SecretSource> ALL = List.of(
            new SecretSource("bianmin.secrets.phonekeys", Map.of(
                    "phoneHashKey", "bianmin.hotline.phone-hash-key",
                    "phoneEncryptionKey", "bianmin.hotline.phone-encryption-key")),
            new SecretSource("bianmin.secrets.previousphonekeys", Map.of(
                    "phoneHashKey", "bianmin.hotline.phone-hash-key-previous",
                    "phoneEncryptionKey", "bianmin.hotline.phone-encryption-key-previous")),
            new SecretSource("bianmin.secrets.elasticsearchapikey", Map.of(
                    "", "bianmin.knowledge.elasticsearch.api-key")),
            new SecretSource("bianmin.secrets.devicecredentials", Map.of(
                    "", "bianmin.devices.credentialsecret")));

    public SecretSource {
        targets = Map.copyOf(targets);
    }

    /** A plain-string secret (the whole value is one property), as opposed to a JSON object of fields. */
    public boolean plain() {
        return targets.containsKey("");
    }
}
