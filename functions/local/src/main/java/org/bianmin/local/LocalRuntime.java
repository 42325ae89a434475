package org.bianmin.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.http.Access;
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
     * {@code dev-token --department=市城市管理局 [--subject=zhang.san]}, {@code dev-token --dispatch} or
     * {@code dev-token --device-admin} prints a development staff token; {@code dev-token --citizen=<ID number>}
     * prints a development citizen token for that resident; {@code device-password --device=<id>} prints a device's
     * password for the local MQTT broker and HTTP events; {@code export --out FILE} and {@code import --in FILE} back
     * up and restore the data directory; {@code train-router --input FILE --out DIR} trains the router from a city's
     * history (TrainRouterCommand); {@code import-requests --input FILE} sends historical requests to a running API.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dev-token")) {
            System.out.println(devToken(List.of(args).subList(1, args.length)));
            return;
        }
        if (args.length > 1 && args[0].equals("device-password") && args[1].startsWith("--device=")) {
            System.out.println(localDeviceCredentials().passwordFor(args[1].substring("--device=".length())));
            return;
        }
        if (args.length > 0 && (args[0].equals("export") || args[0].equals("import"))) {
            System.exit(args[0].equals("export") ? TableExport.run(List.of(args).subList(1, args.length))
                    : TableImport.run(List.of(args).subList(1, args.length)));
        }
        if (args.length > 0 && args[0].equals("train-router")) {
            System.exit(org.bianmin.local.routing.TrainRouterCommand.run(
                    new ArrayList<>(List.of(args).subList(1, args.length)), System.out));
        }
        if (args.length > 0 && args[0].equals("import-requests")) {
            System.exit(org.bianmin.local.data.RequestImport.run(List.of(args).subList(1, args.length)));
        }
        start(args);
    }

    /** The same secret the running runtime uses (application-local.properties): the environment, else development. */
    static DeviceCredentials localDeviceCredentials() {
        for (String name : List.of("BIANMIN_DEVICES_CREDENTIALSECRET", "BIANMIN_LOCAL_MQTT_SECRET")) {
            String secret = System.getenv(name);
            if (secret != null && !secret.isBlank()) {
                return new DeviceCredentials(secret);
            }
        }
        return DeviceCredentials.development();
    }

    public static String devToken(List<String> options) {
        String department = null;
        String subject = "dev-user";
        String role = null;
        String citizen = null;
        for (String option : options) {
            if (option.startsWith("--department=")) {
                department = option.substring("--department=".length());
            } else if (option.startsWith("--subject=")) {
                subject = option.substring("--subject=".length());
            } else if (option.equals("--dispatch")) {
                role = Access.DISPATCH_ROLE;
            } else if (option.equals("--device-admin")) {
                role = Access.DEVICE_ADMIN_ROLE;
            } else if (option.startsWith("--citizen=")) {
                citizen = option.substring("--citizen=".length()).strip().toUpperCase(java.util.Locale.ROOT);
            } else {
                throw new IllegalArgumentException("unknown option " + option
                        + "; use --department=<部门>, --dispatch, --device-admin, --subject=<id> or --citizen=<身份证号码>");
            }
        }
        if (citizen != null) {
            java.util.Optional<String> problem = org.bianmin.approval.model.ResidentId.problem(citizen);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("--citizen: " + problem.get());
            }
            return LocalTokens.fromEnvironment().issueCitizen(citizen, java.time.Duration.ofHours(12));
        }
        if (department == null && role == null) {
            throw new IllegalArgumentException("give --department=<部门>, --dispatch, --device-admin or --citizen=<身份证号码>");
        }
        return LocalTokens.fromEnvironment().issueStaff(subject, department, role, java.time.Duration.ofHours(12));
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
