package org.bianmin.local.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.bianmin.local.dynalite.DynaliteServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where the local runtime and its data commands keep the tables, and how they reach them. */
public final class LocalStore {

    public static final String IN_MEMORY_OPTION = "--in-memory";
    static final String DATA_DIR_OPTION = "--data-dir=";
    static final String DEFAULT_DATA_DIR = "bianmin-data";

    private LocalStore() {
    }

    /**
     * The data directory: {@code --data-dir=DIR} (removed from {@code arguments}), else {@code BIANMIN_DATA_DIR}, else
     * {@code ./bianmin-data}.
     */
    public static Path dataDirectory(List<String> arguments) {
        String chosen = null;
        for (Iterator<String> it = arguments.iterator(); it.hasNext(); ) {
            String argument = it.next();
            if (argument.startsWith(DATA_DIR_OPTION)) {
                chosen = argument.substring(DATA_DIR_OPTION.length());
                it.remove();
            }
        }
        if (chosen == null || chosen.isBlank()) {
            chosen = org.bianmin.local.LocalSettings.get(org.bianmin.local.LocalSettings.DATA_DIR);
        }
        return Path.of(chosen == null || chosen.isBlank() ? DEFAULT_DATA_DIR : chosen).toAbsolutePath().normalize();
    }

    /** The Spring arguments that point the store configuration at {@code store}. */
    public static List<String> springArguments(DynaliteServer store) {
        return List.of("--bianmin.dynamodb.endpoint=" + store.endpoint(),
                "--bianmin.dynamodb.access-key-id=" + store.accessKeyId(),
                "--bianmin.dynamodb.secret-access-key=" + store.secretAccessKey());
    }

    /** The runtime's table prefix ({@code BIANMIN_TABLE_PREFIX}, as in application.properties). */
    static String tablePrefix() {
        String prefix = org.bianmin.local.LocalSettings.get(org.bianmin.local.LocalSettings.TABLE_PREFIX);
        return prefix == null ? "bianmin-" : prefix;
    }

    static DynamoDbClient client(DynaliteServer store) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(store.endpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(store.accessKeyId(), store.secretAccessKey())))
                .build();
    }
}
