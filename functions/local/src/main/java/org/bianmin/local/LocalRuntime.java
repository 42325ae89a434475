package org.bianmin.local;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.local.cli.LocalCommandLine;
import org.bianmin.local.data.LocalStore;
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
     * Runs the command line ({@link LocalCommandLine}): {@code serve} (the default) starts the runtime and keeps the
     * process running; any other command, or a usage error, exits with its code.
     */
    public static void main(String[] args) {
        LocalCommandLine commandLine = new LocalCommandLine();
        int code = commandLine.execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        if (!commandLine.serving()) {
            System.exit(code);
        }
    }

    /** The device credentials the running runtime uses (application-local.properties): the setting, else development. */
    public static DeviceCredentials localDeviceCredentials() {
        for (String name : LocalSettings.DEVICE_SECRET) {
            String secret = LocalSettings.get(name);
            if (secret != null) {
                return new DeviceCredentials(secret);
            }
        }
        return DeviceCredentials.development();
    }

    /** {@code dev-token} with these options (see {@link LocalCommandLine.DevToken}). */
    public static String devToken(List<String> options) {
        LocalCommandLine.DevToken command = new LocalCommandLine.DevToken();
        new picocli.CommandLine(command).parseArgs(options.toArray(String[]::new));
        return command.issue();
    }

    /** Starts the runtime; closing the returned context also stops the embedded store. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean inMemory = arguments.remove(LocalStore.IN_MEMORY_OPTION);
        DynaliteServer store = null;
        Path dataDirectory = LocalStore.dataDirectory(arguments);
        if (LocalSettings.get(LocalSettings.DYNAMODB_ENDPOINT, args) == null) {
            store = inMemory ? DynaliteServer.startInMemory() : DynaliteServer.startDurable(dataDirectory);
            System.out.println(inMemory ? "Data: in memory (--in-memory), gone when this runtime stops"
                    : "Data directory: " + store.dataDirectory().orElseThrow() + " (BIANMIN_DATA_DIR to change)");
            arguments.addAll(LocalStore.springArguments(store));
        }
        // photos on requests live beside the tables in the data directory (in memory: a temporary directory)
        if (!inMemory && LocalSettings.get("bianmin.photos.directory", args) == null) {
            arguments.add("--bianmin.photos.directory=" + dataDirectory.resolve("photos"));
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
