package org.bianmin.local.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DynamoDB API on one machine: dynalite (open source, on LevelDB) run by Node.js as a child process, bound to
 * 127.0.0.1 on a port it picks itself. Durable on a {@link DataDirectory} or in memory for tests.
 *
 * <p>Every start makes a fresh random access key; the child refuses requests signed with any other key, so
 * another user of the machine who finds the port cannot read the tables. The child stops with {@link #close()},
 * and also when this JVM dies in any way, kill -9 included: it watches the pipe to its standard input, which the
 * kernel closes when this process goes.
 */
public final class DynaliteServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("\\{\"event\":\"listening\",\"port\":(\\d+)}");
    private static final Logger log = LoggerFactory.getLogger(DynaliteServer.class);

    private final Process process;
    private final int port;
    private final String accessKeyId;
    private final DataDirectory dataDirectory;
    /** Our end of the child's standard input: held open for the child's lifetime (see the class comment). */
    private final OutputStream lifeline;

    private DynaliteServer(Process process, int port, String accessKeyId, DataDirectory dataDirectory) {
        this.process = process;
        this.port = port;
        this.accessKeyId = accessKeyId;
        this.dataDirectory = dataDirectory;
        this.lifeline = process.getOutputStream();
    }

    /** A throwaway store: tables live in the child's memory. */
    public static DynaliteServer startInMemory() {
        return start(null);
    }

    /**
     * A durable store on {@code directory}, locked for this process (see {@link DataDirectory#lock(Path)}): a second
     * runtime on the same directory fails here with a message that says so.
     */
    public static DynaliteServer startDurable(Path directory) {
        DataDirectory data = DataDirectory.lock(directory);
        try {
            return start(data);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    private static DynaliteServer start(DataDirectory data) {
        Path home = DynalitePackage.unpack();
        String accessKeyId = "bianmin-" + randomHex(16);
        List<String> command = new ArrayList<>(List.of(NodeJs.executable(), home.resolve("dynalite-server.js").toString()));
        if (data != null) {
            command.addAll(List.of("--path", data.tablesPath().toString()));
        }
        Path logFile = logFile(data);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        // In the environment, not on the command line: /proc/<pid>/environ is readable only by the owner.
        environment.put("BIANMIN_DYNALITE_ACCESS_KEY", accessKeyId);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(NodeJs.missingMessage(), e);
        }
        int port;
        try {
            port = awaitPort(process, logFile);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        DynaliteServer server = new DynaliteServer(process, port, accessKeyId, data);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-stop"));
        log.info("dynalite listening on {} (pid {}, {}, log {})", server.endpoint(), process.pid(),
                data == null ? "in memory" : "data in " + data.path(), logFile);
        return server;
    }

    /** Reads the child's first line on stdout (its port), then keeps copying stdout to the log file. */
    private static int awaitPort(Process process, Path logFile) {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (!listening.isDone() && matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    } else {
                        Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
            } catch (IOException | RuntimeException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("dynalite exited before listening"));
        }, "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dynalite did not start: " + lastLines(logFile), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The access key id requests must be signed with; any secret key is accepted with it. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret key to sign with: dynalite does not check signatures, only the key id above. */
    public String secretAccessKey() {
        return "unused-by-dynalite";
    }

    /** The data directory, or empty for an in-memory store. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory).map(DataDirectory::path);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the child gracefully (it closes LevelDB), then releases the data directory. */
    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the child is gone; nothing to release
        }
        if (dataDirectory != null) {
            dataDirectory.close();
        }
    }

    private static Path logFile(DataDirectory data) {
        try {
            if (data != null) {
                return data.path().resolve("dynalite.log");
            }
            return Files.createTempFile("bianmin-dynalite-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(Path logFile) {
        try {
            List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
            return lines.isEmpty() ? "no output (log " + logFile + ")"
                    : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "see " + logFile;
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
