package org.bianmin.platform.secrets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads secret strings from AWS Secrets Manager, each secret once per process: the functions read their secrets
 * during the init phase (which SnapStart snapshots), and two properties from one JSON secret cost one call.
 */
public final class SecretsManagerReader {

    /** A secret that could not be read: the function must not start without it. */
    public static final class MissingSecretException extends IllegalStateException {
        public MissingSecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SecretsManagerClient client;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SecretsManagerReader(SecretsManagerClient client) {
        this.client = client;
    }

    /** The secret's string value (the current version); throws {@link MissingSecretException} when unreadable. */
    public String secretString(String secretId) {
        return cache.computeIfAbsent(secretId, this::fetch);
    }

    private String fetch(String secretId) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(secretId));
        } catch (SdkException e) {
            throw new MissingSecretException("secret " + secretId + " could not be read from Secrets Manager: "
                    + firstLine(e.getMessage()), e);
        }
        if (response.secretString() == null || response.secretString().isBlank()) {
            throw new MissingSecretException("secret " + secretId + " has no string value (a binary secret or empty)", null);
        }
        return response.secretString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
