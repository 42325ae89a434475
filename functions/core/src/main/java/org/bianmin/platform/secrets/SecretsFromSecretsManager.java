package org.bianmin.platform.secrets;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the deployed functions' secrets into Spring's environment at start, read from AWS Secrets Manager, so that
 * the Lambda configuration holds only the secrets' ARNs ({@link SecretSource#ALL}) and never their values. Runs
 * before any bean exists; a configured secret that cannot be read, or a JSON secret without one of its fields,
 * fails the start with the secret's name and the reason. Nothing is read when no secret is configured: the local
 * runtime keeps its embedded development defaults and tests their own properties.
 *
 * <p>{@code bianmin.secrets.endpoint} overrides the Secrets Manager endpoint (LocalStack, a test server);
 * the region and credentials come from the SDK's default chains, as for every other AWS client here.
 */
public final class SecretsFromSecretsManager implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "secretsManager";
    public static final String ENDPOINT = "bianmin.secrets.endpoint";

    private static final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> configured = new LinkedHashMap<>();
        for (SecretSource source : SecretSource.ALL) {
            String secretId = environment.getProperty(source.property(), "");
            if (!secretId.isBlank()) {
                configured.put(source.property(), secretId.strip());
            }
        }
        if (configured.isEmpty()) {
            return;
        }
        try (SecretsManagerClient client = client(environment.getProperty(ENDPOINT, ""))) {
            Map<String, Object> properties = resolve(configured, new SecretsManagerReader(client));
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    /** The Spring properties of every configured secret ({@code property -> secret id}). */
    static Map<String, Object> resolve(Map<String, String> configured, SecretsManagerReader reader) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (SecretSource source : SecretSource.ALL) {
            String secretId = configured.get(source.property());
            if (secretId == null) {
                continue;
            }
            String value = reader.secretString(secretId);
            if (source.plain()) {
                properties.put(source.targets().get(""), value.strip());
                continue;
            }
            JsonNode fields = parse(secretId, value);
            source.targets().forEach((field, property) -> {
                JsonNode node = fields.get(field);
                if (node == null || !node.isString() || node.asString().isBlank()) {
                    throw new SecretsManagerReader.MissingSecretException("secret " + secretId + " (" + source.property()
                            + ") has no text field \"" + field + "\"", null);
                }
                properties.put(property, node.asString().strip());
            });
        }
        return properties;
    }

    private static JsonNode parse(String secretId, String value) {
        try {
            JsonNode node = json.readTree(value);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below without the value: it is a secret
        }
        throw new SecretsManagerReader.MissingSecretException("secret " + secretId + " is not a JSON object", null);
    }

    private static SecretsManagerClient client(String endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** After the application's own property files are loaded, so that they can name the secrets too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
