package org.bianmin.local;

import java.util.List;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The settings the commands need before (or without) a Spring context, read the way Spring reads them in the running
 * runtime: {@code --name=value} arguments, Java system properties, then environment variables with Spring's relaxed
 * names ({@code bianmin.data-dir} is {@code BIANMIN_DATA_DIR}). One reading rule for the server and every command,
 * instead of {@code System.getenv} here and Spring's properties there.
 */
public final class LocalSettings {

    /** {@code BIANMIN_DATA_DIR}: the data directory of the runtime, export and import. */
    public static final String DATA_DIR = "bianmin.data-dir";
    /** {@code BIANMIN_TABLE_PREFIX}: as in application.properties. */
    public static final String TABLE_PREFIX = "bianmin.table-prefix";
    /** {@code BIANMIN_DYNAMODB_ENDPOINT}: a running DynamoDB API instead of the embedded dynalite. */
    public static final String DYNAMODB_ENDPOINT = "bianmin.dynamodb.endpoint";
    /** {@code BIANMIN_LOCAL_TOKEN_SECRET}: the signing secret of development tokens (a public value when unset). */
    public static final String TOKEN_SECRET = "bianmin.local.token-secret";
    /** {@code BIANMIN_ROUTER_MODEL}: the router model the runtime serves (train-router's default current model). */
    public static final String ROUTER_MODEL = "bianmin.router.model";
    /** The device credential secret, as application-local.properties reads it. */
    public static final List<String> DEVICE_SECRET = List.of("bianmin.devices.credentialsecret", "bianmin.local.mqtt-secret");

    private LocalSettings() {
    }

    /** The setting's value, or null when unset or blank. */
    public static String get(String name, String... arguments) {
        StandardEnvironment environment = new StandardEnvironment();
        if (arguments.length > 0) {
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
        }
        String value = environment.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
