package org.bianmin.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime in a JVM of its own, started as a newcomer starts it (main class, environment for the data
 * directory), so that a test can kill it with SIGKILL and start it again. Its output is kept for assertions.
 */
final class RuntimeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private RuntimeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "runtime-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a runtime on {@code dataDirectory}; does not wait for it (see {@link #awaitListening()}). */
    static RuntimeProcess launch(Path dataDirectory) throws IOException {
        return launch(dataDirectory, java.util.Map.of());
    }

    /** As {@link #launch(Path)}, with more environment variables. */
    static RuntimeProcess launch(Path dataDirectory, java.util.Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                LocalRuntime.class.getName(), "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort())
                .redirectErrorStream(true);
        builder.environment().put("BIANMIN_DATA_DIR", dataDirectory.toString());
        builder.environment().remove("BIANMIN_DYNAMODB_ENDPOINT");
        builder.environment().putAll(environment);
        return new RuntimeProcess(builder.start());
    }

    /** Waits for the "listening" line; returns the base URL. */
    String awaitListening() throws Exception {
        try {
            return "http://127.0.0.1:" + port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the runtime did not start; its output:\n" + String.join("\n", output), e);
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the runtime did not exit; its output:\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    String output() {
        return String.join("\n", output);
    }

    /** The child processes (dynalite's Node.js) as they are now. */
    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /** kill -9: no shutdown hook, no graceful close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    port.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
        port.completeExceptionally(new IllegalStateException("the runtime exited"));
    }
}
