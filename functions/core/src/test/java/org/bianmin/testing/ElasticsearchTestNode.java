package org.bianmin.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bianmin.knowledge.infrastructure.ElasticsearchClients;

/**
 * One real Elasticsearch 8.19 node per test JVM, started on first use by infra/elasticsearch/test-node.sh from the
 * zip the build downloads, and stopped when the JVM exits. Not a mock: if it cannot start, the tests fail.
 */
public final class ElasticsearchTestNode {

    private static String url;

    private ElasticsearchTestNode() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    public static ElasticsearchClient client() {
        return ElasticsearchClients.create(url(), null, null, null);
    }

    private static String start() {
        String zip = required("bianmin.es.zip");
        String script = required("bianmin.es.script");
        int port = freePort();
        try {
            Process process = new ProcessBuilder("bash", script, "start", zip, Integer.toString(port))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Elasticsearch test node did not start:\n" + output);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(script, port), "elasticsearch-stop"));
            String started = output.strip().lines().reduce((a, b) -> b).orElseThrow();
            awaitYellow(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitYellow(String nodeUrl) throws InterruptedException {
        ElasticsearchClient client = ElasticsearchClients.create(nodeUrl, null, null, null);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                client.cluster().health(h -> h.waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                        .timeout(t -> t.time("1s")));
                return;
            } catch (IOException | RuntimeException e) {
                last = e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("Elasticsearch at " + nodeUrl + " never became yellow", last);
    }

    private static void stop(String script, int port) {
        try {
            new ProcessBuilder("bash", script, "stop", Integer.toString(port)).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException ignored) {
            // the JVM is exiting
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name an existing file (set by the"
                    + " Maven build); got " + value);
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
