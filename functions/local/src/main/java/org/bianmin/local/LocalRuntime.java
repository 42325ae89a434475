package org.bianmin.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.bianmin.local.data.LocalStore;
import org.bianmin.local.data.TableExport;
import org.bianmin.local.data.TableImport;
import org.bianmin.local.dynalite.DynaliteServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts Bianmin on one machine with embedded defaults: the HTTP API on port 8080 ({@code PORT} or
 * {@code --server.port} to change), the knowledge index in process, and every table in dynalite, started here as
 * a child process on the data directory ({@code ./bianmin-data}, {@code BIANMIN_DATA_DIR} to change,
 * {@code --in-memory} for a throwaway run), unless {@code BIANMIN_DYNAMODB_ENDPOINT} points at a running DynamoDB.
 */
public final class LocalRuntime {

    private LocalRuntime() {
    }

    /**
     * Starts the runtime, or runs one command and exits:
     * {@code dev-token --department=市城市管理局 [--subject=zhang.san]} or {@code dev-token --dispatch} prints a
     * development staff token; {@code device-password --device=<id>} prints a device's password for the local MQTT
     * broker; {@code export --out FILE} and {@code import --in FILE} back up and restore the data directory;
     * {@code import-requests --input FILE} sends historical requests to a running API.
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
        if (args.length > 0 && (args[0].equals("export") || args[0].equals("import"))) {
            System.exit(args[0].equals("export") ? TableExport.run(List.of(args).subList(1, args.length))
                    : TableImport.run(List.of(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals("import-requests")) {
            System.exit(org.bianmin.local.data.RequestImport.run(List.of(args).subList(1, args.length)));
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

    /** Starts the runtime; closing the returned context also stops the embedded store. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean inMemory = arguments.remove(LocalStore.IN_MEMORY_OPTION);
        DynaliteServer store = null;
        String endpoint = System.getenv("BIANMIN_DYNAMODB_ENDPOINT");
        if ((endpoint == null || endpoint.isBlank()) && arguments.stream().noneMatch(a -> a.startsWith("--bianmin.dynamodb.endpoint="))) {
            Path dataDirectory = LocalStore.dataDirectory(arguments);
            store = inMemory ? DynaliteServer.startInMemory() : DynaliteServer.startDurable(dataDirectory);
            System.out.println(inMemory ? "Data: in memory (--in-memory), gone when this runtime stops"
                    : "Data directory: " + store.dataDirectory().orElseThrow() + " (BIANMIN_DATA_DIR to change)");
            arguments.addAll(LocalStore.springArguments(store));
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(BianminApplication.class, LocalConfiguration.class)
                    .profiles("local")
                    .run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            throw e;
        }
        if (store != null) {
            DynaliteServer embedded = store;
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
