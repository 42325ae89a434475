package org.bianmin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.time.Instant;
import org.bianmin.inquiry.application.ConversationStore;
import org.bianmin.inquiry.infrastructure.DynamoConversationStore;
import org.bianmin.inquiry.model.Channel;
import org.bianmin.inquiry.model.Conversation;
import org.bianmin.inquiry.model.InquiryAction;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.testing.EvaluationSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Local HTTP throughput: starts the local runtime jar in its own JVM (embedded defaults: Lucene, dynalite on a fresh data directory),
 * then drives it over loopback with a fixed number of concurrent clients for a fixed time, first the inquiry
 * route, then the floor: a request that goes through the same server and router but does no work (404), then,
 * with the server stopped, the ceiling dynalite alone puts on the conversation writes.
 * Every loop is bounded in time; the server is stopped at the end.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.HttpLoadDriver [clients] [seconds]</pre>
 */
public final class HttpLoadDriver {

    private HttpLoadDriver() {
    }

    public record Result(String label, int requests, int errors, double seconds, List<Long> latenciesMicros) {

        public void print() {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%s: %.0f requests/s (%d in %.1f s, %d errors), latency p50 %.2f ms, p99 %.2f ms%n",
                    label, requests / seconds, requests, seconds, errors,
                    percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int port = 18080;
        Process server = startServer(port);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            List<String> questions = EvaluationSet.load().stream().map(EvaluationSet.Question::text).toList();
            IntFunction<HttpRequest> inquiry = i -> HttpRequest.newBuilder(URI.create(base + "/v1/inquiries"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + questions.get(i % questions.size())
                            .replace("\"", "\\\"") + "\",\"sessionId\":\"bench-" + (i % 1000) + "-session\"}", StandardCharsets.UTF_8))
                    .build();
            IntFunction<HttpRequest> floor = i -> HttpRequest.newBuilder(URI.create(base + "/v1/floor")).GET().build();

            run("warm-up", http, clients, 20, inquiry, 200);
            run("warm-up floor", http, clients, 5, floor, 404);
            run("POST /v1/inquiries", http, clients, seconds, inquiry, 200).print();
            run("floor: GET unknown route (same server and router, no work)", http, clients, seconds, floor, 404).print();
        } finally {
            server.destroy();
            server.waitFor();
        }
        storeCeiling(clients, seconds);
    }

    /**
     * What dynalite alone sustains on this machine, durable as the runtime runs it: the same conversation UpdateItem
     * the inquiry makes, from the same number of clients, with the server stopped. Every inquiry writes its turn,
     * so this bounds local inquiry throughput.
     */
    static void storeCeiling(int clients, int seconds) throws Exception {
        try (DynaliteServer dynamo = BenchStore.start();
             DynamoDbClient client = BenchStore.client(dynamo, "ceiling-")) {
            ConversationStore store = new DynamoConversationStore(client, "ceiling-");
            IntFunction<Boolean> write = i -> {
                Instant now = Instant.now();
                store.record(new Conversation.Turn("ceiling-" + (i % 1000) + "-session", Channel.API,
                        InquiryAction.ANSWER, "jzz-apply", now, now.plusSeconds(7200)));
                return true;
            };
            runCalls("warm-up dynalite", clients, 20, write);
            String label = "ceiling: " + BenchStore.label() + " alone, conversation UpdateItem";
            long storeCpu = BenchStore.cpuMillis(dynamo.pid());
            long jvmCpu = BenchStore.ownCpuMillis();
            Result result = runCalls(label, clients, seconds, write);
            result.print();
            BenchStore.printCpu(label, result.requests(), BenchStore.cpuMillis(dynamo.pid()) - storeCpu,
                    BenchStore.ownCpuMillis() - jvmCpu);
        }
    }

    /** Calls {@code call} from {@code clients} threads until the time is up; a false result counts as an error. */
    public static Result runCalls(String label, int clients, int seconds, IntFunction<Boolean> call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    if (!call.apply(counter.getAndIncrement())) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - t0) / 1000);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return new Result(label, all.size(), errors.get(), (System.nanoTime() - start) / 1e9, all);
    }

    static Result run(String label, HttpClient http, int clients, int seconds, IntFunction<HttpRequest> requests,
                      int expectedStatus) throws Exception {
        return runCalls(label, clients, seconds, i -> {
            try {
                return http.send(requests.apply(i), HttpResponse.BodyHandlers.ofString()).statusCode() == expectedStatus;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static Process startServer(int port) throws Exception {
        Path jar;
        Path target = Path.of(System.getProperty("bianmin.local.jar.dir", "functions/local/target"));
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("bianmin-local-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no local runtime jar in " + target));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("bianmin-load-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BIANMIN_DATA_DIR", BenchStore.freshDataDirectory());
        if (BenchStore.inMemory()) {
            builder.command().add("--in-memory");
        }
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    System.out.println("server up (log " + log + ")");
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        process.destroy();
        throw new IllegalStateException("local runtime did not start; see " + log);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
