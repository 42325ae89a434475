package org.bianmin.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bianmin.testing.SecretsManagerTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The secrets the functions read at start, through the real AWS SDK Secrets Manager client over HTTP against
 * {@link SecretsManagerTestServer} (no LocalStack here): the values become Spring properties, each secret is fetched
 * once, and a missing secret or field stops the start with a message naming it.
 */
class SecretsFromSecretsManagerTest {

    private static final String HASH_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString("e".repeat(32).getBytes());
    private static final String PHONE_KEYS_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:bianmin/phone-keys";

    private static SecretsManagerTestServer server;
    private static final Map<String, String> saved = new HashMap<>();

    @BeforeAll
    static void start() {
        server = new SecretsManagerTestServer(Map.of(
                PHONE_KEYS_ARN, SecretsManagerTestServer.jsonSecret(Map.of("phoneHashKey", HASH_KEY, "phoneEncryptionKey", ENCRYPTION_KEY)),
                "bianmin/es-api-key", "ZXMtYXBpLWtleQ==",
                "bianmin/keys-without-encryption", SecretsManagerTestServer.jsonSecret(Map.of("phoneHashKey", HASH_KEY)),
                "bianmin/not-json", "just text"));
        // the SDK's default chains, as in Lambda, fed from system properties
        for (String name : new String[] {"aws.region", "aws.accessKeyId", "aws.secretAccessKey"}) {
            saved.put(name, System.getProperty(name));
        }
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.close();
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new HashMap<>(properties);
        all.put(SecretsFromSecretsManager.ENDPOINT, server.endpoint());
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }

    @Test
    void configuredSecretsBecomePropertiesAndEachIsReadOnce() {
        int before = server.requested().size();
        StandardEnvironment environment = environment(Map.of(
                "bianmin.secrets.phonekeys", PHONE_KEYS_ARN,
                "bianmin.secrets.elasticsearchapikey", "bianmin/es-api-key"));

        new SecretsFromSecretsManager().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("bianmin.hotline.phone-hash-key")).isEqualTo(HASH_KEY);
        assertThat(environment.getProperty("bianmin.hotline.phone-encryption-key")).isEqualTo(ENCRYPTION_KEY);
        assertThat(environment.getProperty("bianmin.knowledge.elasticsearch.api-key")).isEqualTo("ZXMtYXBpLWtleQ==");
        assertThat(environment.getProperty("bianmin.devices.credentialsecret")).isNull();
        assertThat(server.requested().subList(before, server.requested().size()))
                .containsExactlyInAnyOrder(PHONE_KEYS_ARN, "bianmin/es-api-key");
    }

    @Test
    void withoutConfiguredSecretsNothingIsRead() {
        int before = server.requested().size();
        StandardEnvironment environment = environment(Map.of());

        new SecretsFromSecretsManager().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(SecretsFromSecretsManager.PROPERTY_SOURCE)).isFalse();
        assertThat(server.requested()).hasSize(before);
    }

    @Test
    void aMissingSecretFailsTheStartNamingIt() {
        StandardEnvironment environment = environment(Map.of("bianmin.secrets.devicecredentials", "bianmin/no-such-secret"));

        assertThatThrownBy(() -> new SecretsFromSecretsManager().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(SecretsManagerReader.MissingSecretException.class)
                .hasMessageContaining("bianmin/no-such-secret")
                .hasMessageContaining("can't find the specified secret");
    }

    @Test
    void aJsonSecretWithoutOneOfItsFieldsFailsTheStart() {
        StandardEnvironment environment = environment(Map.of("bianmin.secrets.phonekeys", "bianmin/keys-without-encryption"));

        assertThatThrownBy(() -> new SecretsFromSecretsManager().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(SecretsManagerReader.MissingSecretException.class)
                .hasMessageContaining("phoneEncryptionKey")
                .hasMessageNotContaining(HASH_KEY);
    }

    @Test
    void aSecretThatIsNotJsonIsReportedWithoutItsValue() {
        StandardEnvironment environment = environment(Map.of("bianmin.secrets.previousphonekeys", "bianmin/not-json"));

        assertThatThrownBy(() -> new SecretsFromSecretsManager().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("not a JSON object")
                .hasMessageNotContaining("just text");
    }
}
