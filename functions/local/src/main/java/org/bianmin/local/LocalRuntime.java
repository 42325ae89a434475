package org.bianmin.local;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.bianmin.local.dynamodb.DynamoDbLocalServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts Bianmin on one machine with embedded defaults: the HTTP API on port 8080 ({@code PORT} or
 * {@code --server.port} to change), the knowledge index in process, and conversations in DynamoDB Local, which is
 * started here as a child process unless {@code BIANMIN_DYNAMODB_ENDPOINT} points at a running DynamoDB.
 */
public final class LocalRuntime {

    private LocalRuntime() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the runtime; closing the returned context also stops the embedded DynamoDB Local. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        DynamoDbLocalServer dynamo = null;
        String endpoint = System.getenv("BIANMIN_DYNAMODB_ENDPOINT");
        if ((endpoint == null || endpoint.isBlank()) && arguments.stream().noneMatch(a -> a.startsWith("--bianmin.dynamodb.endpoint="))) {
            dynamo = DynamoDbLocalServer.start();
            arguments.add("--bianmin.dynamodb.endpoint=" + dynamo.endpoint());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BianminApplication.class, LocalConfiguration.class)
                .profiles("local")
                .run(arguments.toArray(String[]::new));
        if (dynamo != null) {
            DynamoDbLocalServer embedded = dynamo;
            context.registerShutdownHook();
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    embedded.close();
                }
            });
        }
        return context;
    }
}
