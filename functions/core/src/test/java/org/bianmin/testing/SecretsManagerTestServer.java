package org.bianmin.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Secrets Manager endpoint for tests: a plain HTTP server on 127.0.0.1 that answers the service's JSON 1.1 protocol
 * for {@code GetSecretValue} (the only call the functions make) from an in-memory map, so the real AWS SDK client is
 * exercised over real HTTP. There is no LocalStack (Docker) on the build machine. Unknown secrets get the service's
 * {@code ResourceNotFoundException}; every other operation a 400 the SDK reports as such.
 */
public final class SecretsManagerTestServer implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    public SecretsManagerTestServer(Map<String, String> secrets) {
        this.secrets.putAll(secrets);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The secret ids of every GetSecretValue call, in order. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, "UnsupportedOperation", "only GetSecretValue is served here: " + target);
                return;
            }
            JsonNode request = json.readTree(body);
            String secretId = request.path("SecretId").asString("");
            requested.add(secretId);
            String value = secrets.get(secretId);
            if (value == null) {
                error(exchange, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            ObjectNode response = json.createObjectNode();
            response.put("ARN", secretId.startsWith("arn:") ? secretId
                    : "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + secretId + "-AbCdEf");
            response.put("Name", secretId);
            response.put("SecretString", value);
            response.put("VersionId", "00000000-0000-0000-0000-000000000001");
            response.putArray("VersionStages").add("AWSCURRENT");
            response.put("CreatedDate", 1.7e9);
            send(exchange, 200, json.writeValueAsBytes(response));
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        ObjectNode error = json.createObjectNode();
        error.put("__type", type);
        error.put("Message", message);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, 400, json.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** A JSON secret string of these fields, as the console's key/value editor stores it. */
    public static String jsonSecret(Map<String, String> fields) {
        return json.writeValueAsString(fields);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
