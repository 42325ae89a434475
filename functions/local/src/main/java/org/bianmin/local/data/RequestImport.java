package org.bianmin.local.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.http.Access;
import org.bianmin.local.LocalTokens;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code import-requests --input FILE [--url URL] [--token TOKEN] [--batch N] [--parallel N]}: sends historical
 * requests (JSON Lines: {@code id}, {@code subject}, {@code detail}, {@code time}, optional {@code up},
 * {@code phone}, {@code address}) in batches to the staff import route of a running API and reports progress and
 * every bad row by its line. The default is the local runtime with a development dispatch-centre token; a deployed
 * API takes its URL and a real dispatch-centre token. Importing is idempotent per row id on the server, so a failed
 * or interrupted run is simply run again. Only the fields above are sent (a source's user ids stay home).
 */
public final class RequestImport {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String ROUTE = "/v1/staff/requests/import";
    private static final List<String> FIELDS = List.of("id", "subject", "detail", "time", "up", "phone", "address");
    private static final int MAX_BATCH = 100;
    /** Below the API's 64 KB body limit, with room for the array's commas and brackets. */
    private static final int MAX_BATCH_BYTES = 60_000;
    private static final int ATTEMPTS = 3;
    private static final JsonMapper json = JsonMapper.builder().build();

    private RequestImport() {
    }

    /** One row to send and the line of the input file it came from. */
    record Row(int line, JsonNode body) {
    }

    /** Some rows were rejected (each reported by its line); the others were filed. */
    public static final int SOME_REJECTED = 3;

    /** Runs the command; returns the process exit code: 0 all filed, 3 some rows rejected, 1 the import failed, 2 usage. */
    public static int run(List<String> options) {
        List<String> arguments = new ArrayList<>(options);
        String input = CommandOptions.value(arguments, "--input");
        String url = CommandOptions.value(arguments, "--url");
        String token = CommandOptions.value(arguments, "--token");
        String batch = CommandOptions.value(arguments, "--batch");
        String parallel = CommandOptions.value(arguments, "--parallel");
        if (input == null || !arguments.isEmpty()) {
            System.err.println("usage: import-requests --input FILE [--url URL] [--token TOKEN] [--batch N<=100] [--parallel N]"
                    + "   (defaults: " + DEFAULT_URL + ", a development dispatch-centre token, 100 rows, 2 batches at a time)");
            return 2;
        }
        int batchSize;
        int threads;
        try {
            batchSize = batch == null ? MAX_BATCH : Integer.parseInt(batch);
            threads = parallel == null ? 2 : Integer.parseInt(parallel);
        } catch (NumberFormatException e) {
            System.err.println("import-requests: --batch and --parallel take whole numbers");
            return 2;
        }
        return run(Path.of(input), url, token, batchSize, threads);
    }

    /** Imports from checked arguments (the command line's {@code import-requests}); returns the exit code. */
    public static int run(Path input, String url, String token, int batch, int parallel) {
        try {
            int batchSize = Math.min(MAX_BATCH, Math.max(1, batch));
            int threads = Math.max(1, parallel);
            String bearer = token != null ? token
                    : LocalTokens.fromEnvironment().issueStaff("import-requests", null, Access.DISPATCH_ROLE, Duration.ofHours(12));
            return new Run(URI.create((url == null ? DEFAULT_URL : url).replaceAll("/+$", "") + ROUTE), bearer)
                    .execute(input, batchSize, threads);
        } catch (ImportFailedException | IOException e) {
            System.err.println("import-requests failed: " + e.getMessage());
            return 1;
        }
    }

    /** The batch could not be delivered, or the API refused it as a whole (a bad token, a wrong URL). */
    static final class ImportFailedException extends RuntimeException {
        ImportFailedException(String message) {
            super(message);
        }
    }

    private static final class Run {

        private final URI endpoint;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final AtomicInteger created = new AtomicInteger();
        private final AtomicInteger existing = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();

        Run(URI endpoint, String token) {
            this.endpoint = endpoint;
            this.token = token;
        }

        int execute(Path input, int batchSize, int threads) throws IOException {
            long started = System.nanoTime();
            List<Row> rows = new ArrayList<>();
            int unreadable = read(input, rows);
            rejected.addAndGet(unreadable);
            List<List<Row>> batches = batches(rows, batchSize);
            System.err.println("Importing " + rows.size() + " rows from " + input + " to " + endpoint
                    + " in " + batches.size() + " batches");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (List<Row> b : batches) {
                    sent.add(pool.submit(() -> send(b, rows.size())));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new ImportFailedException(String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportFailedException("interrupted");
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Imported %d rows in %.1f s: %d created, %d already imported, %d rejected%n",
                    rows.size() + unreadable, seconds, created.get(), existing.get(), rejected.get());
            return rejected.get() == 0 ? 0 : SOME_REJECTED;
        }

        /**
         * Consecutive rows in batches of at most {@code batchSize} rows and {@value #MAX_BATCH_BYTES} bytes of JSON,
         * under the API's 64 KB limit on a request body.
         */
        private static List<List<Row>> batches(List<Row> rows, int batchSize) {
            List<List<Row>> batches = new ArrayList<>();
            List<Row> current = new ArrayList<>();
            int bytes = 2;
            for (Row row : rows) {
                int size = json.writeValueAsBytes(row.body()).length + 1;
                if (!current.isEmpty() && (current.size() == batchSize || bytes + size > MAX_BATCH_BYTES)) {
                    batches.add(current);
                    current = new ArrayList<>();
                    bytes = 2;
                }
                current.add(row);
                bytes += size;
            }
            if (!current.isEmpty()) {
                batches.add(current);
            }
            return batches;
        }

        /** Reads the JSON Lines, keeping the line of every row; unreadable lines are reported and counted. */
        private static int read(Path input, List<Row> rows) throws IOException {
            int unreadable = 0;
            int line = 0;
            try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    line++;
                    if (text.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = json.readTree(text);
                        if (!node.isObject()) {
                            throw new IllegalArgumentException("not a JSON object");
                        }
                        rows.add(new Row(line, outgoing(node)));
                    } catch (JacksonException | IllegalArgumentException e) {
                        System.err.println("line " + line + ": rejected, not a JSON object");
                        unreadable++;
                    }
                }
            }
            return unreadable;
        }

        /** The fields the route reads; a numeric id (some exports write them so) is sent as text. */
        private static JsonNode outgoing(JsonNode node) {
            ObjectNode out = json.createObjectNode();
            for (String field : FIELDS) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull()) {
                    out.set(field, field.equals("id") && value.isIntegralNumber() ? out.stringNode(value.asString()) : value);
                }
            }
            return out;
        }

        private void send(List<Row> batch, int total) {
            String body = json.writeValueAsString(batch.stream().map(Row::body).toList());
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
                    .header("content-type", "application/json").header("authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = null;
            String failure = null;
            for (int attempt = 1; attempt <= ATTEMPTS && response == null; attempt++) {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (answer.statusCode() >= 500) {
                        failure = "HTTP " + answer.statusCode() + " " + answer.body();
                    } else {
                        response = answer;
                    }
                } catch (IOException e) {
                    failure = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ImportFailedException("interrupted");
                }
            }
            if (response == null) {
                throw new ImportFailedException("batch from line " + batch.get(0).line() + " not delivered after "
                        + ATTEMPTS + " attempts (" + failure + "); run the same command again, imported rows are skipped");
            }
            if (response.statusCode() == 413 && batch.size() == 1) {
                rejected.incrementAndGet();
                System.err.println("line " + batch.get(0).line() + ": rejected, the row alone is larger than the API accepts");
                done.incrementAndGet();
                return;
            }
            if (response.statusCode() != 200) {
                throw new ImportFailedException("HTTP " + response.statusCode() + " " + response.body());
            }
            for (JsonNode result : json.readTree(response.body()).get("results")) {
                Row row = batch.get(result.get("row").asInt() - 1);
                switch (result.get("outcome").asString()) {
                    case "CREATED" -> created.incrementAndGet();
                    case "EXISTING" -> existing.incrementAndGet();
                    default -> {
                        rejected.incrementAndGet();
                        JsonNode error = result.get("error");
                        System.err.println("line " + row.line() + ": rejected, " + error.get("code").asString() + " "
                                + error.get("message").asString());
                    }
                }
            }
            int sent = done.addAndGet(batch.size());
            System.err.printf("  %d/%d rows (%d%%)%n", sent, total, sent * 100 / Math.max(1, total));
        }
    }
}
