package org.bianmin.local.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs Amazon's DynamoDB Local, in memory, as a child JVM on a free loopback port. The jars and sqlite4java
 * natives travel inside this module's jar; they are unpacked once into a versioned folder under the temp
 * directory. The child is stopped by {@link #close()} or, at the latest, when this JVM exits.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    static final String RESOURCE_DIR = "bianmin-dynamodb-local";
    private static final String MAIN_CLASS = "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(DynamoDbLocalServer.class);

    private final Process process;
    private final int port;
    private final Path logFile;

    private DynamoDbLocalServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts DynamoDB Local on a free port and waits until it accepts connections. */
    public static DynamoDbLocalServer start() {
        return start(freePort());
    }

    public static DynamoDbLocalServer start(int port) {
        Path home = unpack();
        Path logFile;
        try {
            logFile = Files.createTempFile("bianmin-dynamodb-local-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m",
                "-Djava.library.path=" + home, "-Dsqlite4java.library.path=" + home,
                "-cp", home.resolve("*").toString(), MAIN_CLASS,
                "-inMemory", "-port", Integer.toString(port), "-disableTelemetry");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            DynamoDbLocalServer server = new DynamoDbLocalServer(process, port, logFile);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodb-local-stop"));
            server.awaitListening();
            log.info("DynamoDB Local listening on {} (pid {}, log {})", server.endpoint(), process.pid(), logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start DynamoDB Local", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("DynamoDB Local exited with " + process.exitValue() + "; see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("DynamoDB Local did not listen on port " + port + " within " + START_TIMEOUT);
    }

    /** Copies the packed jars and natives to a folder named by their total size, reused by later starts. */
    static Path unpack() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + RESOURCE_DIR + "/*");
            List<Resource> files = new ArrayList<>();
            long totalSize = 0;
            for (Resource resource : resources) {
                if (resource.getFilename() != null && !resource.getFilename().isEmpty() && resource.isReadable()) {
                    files.add(resource);
                    totalSize += resource.contentLength();
                }
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("DynamoDB Local is not packed on the classpath (" + RESOURCE_DIR + ")");
            }
            Path home = Path.of(System.getProperty("java.io.tmpdir"), "bianmin-dynamodb-local-" + totalSize);
            Files.createDirectories(home);
            for (Resource resource : files) {
                Path target = home.resolve(resource.getFilename());
                if (Files.exists(target) && Files.size(target) == resource.contentLength()) {
                    continue;
                }
                Path partial = Files.createTempFile(home, "unpack", ".part");
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack DynamoDB Local", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB Local", e);
        }
    }
}
