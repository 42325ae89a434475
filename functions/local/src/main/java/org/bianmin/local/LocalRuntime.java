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

    /**
     * Starts the runtime, or with {@code dev-token} prints a development staff token and exits:
     * {@code dev-token --department=市城市管理局 [--subject=zhang.san]} or {@code dev-token --dispatch};
     * {@code device-password --device=<id>} prints a device's password for the local MQTT broker.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dev-token")) {
            System.out.println(devToken(List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 1 && args[0].equals("device-password") && args[1].startsWith("--device=")) {
            System.out.println(org.bianmin.local.mqtt.DeviceCredentials.fromEnvironment()
                    .passwordFor(args[1].substring("--device=".length())));
            return;
        }
        start(args);
    }

    static String devToken(List<String> options) {
        String department = null;
        String subject = "dev-user";
        boolean dispatch = false;
        for (String option : options) {
            if (option.startsWith("--department=")) {
                department = option.substring("--department=".length());
            } else if (option.startsWith("--subject=")) {
                subject = option.substring("--subject=".length());
            } else if (option.equals("--dispatch")) {
                dispatch = true;
            } else {
                throw new IllegalArgumentException("unknown option " + option
                        + "; use --department=<部门>, --subject=<id> or --dispatch");
            }
        }
        if (department == null && !dispatch) {
            throw new IllegalArgumentException("give --department=<部门> or --dispatch");
        }
        return LocalStaffTokens.fromEnvironment().issue(subject, department, dispatch, java.time.Duration.ofHours(12));
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
