package org.bianmin.local;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bianmin.http.Json;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/openapi.yaml as data, for the checks of {@link OpenApiTest}: its operations as the code names routes
 * ({@code "GET /v1/requests/{trackingNumber}"}) with their parameters, statuses and security, and a validator of
 * real responses against it. Schemas are applied by networknt's json-schema-validator (draft 2020-12, the dialect
 * of OpenAPI 3.1), with formats asserted; XML responses are parsed and their root element checked against the
 * schema's {@code xml.name}.
 */
final class OpenApiDocument {

    /** What the document says about one operation, in the terms {@link OpenApiTest} compares with the code. */
    record Operation(String route, Set<String> pathParameters, Set<String> queryParameters, Set<Integer> statuses,
                     String security) {

        @Override
        public String toString() {
            return route + " (path " + pathParameters + ", query " + queryParameters + ", statuses " + statuses
                    + ", security " + security + ")";
        }
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Statuses HttpApi may answer for any operation; the document gives them as {@code default}. */
    static final Set<Integer> ANY_OPERATION = Set.of(413, 500, 503);

    private final JsonNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document at the top of the repository (the tests run in functions/local). */
    static OpenApiDocument load() {
        Path file = Path.of("../../docs/openapi.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenApiDocument parse(String yaml) {
        Object data = new Yaml().load(yaml);
        return new OpenApiDocument(Json.mapper().valueToTree(data));
    }

    String version() {
        return root.path("openapi").asString();
    }

    /** Every operation, keyed by "METHOD /path". */
    Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                Set<String> inPath = new TreeSet<>();
                Set<String> inQuery = new TreeSet<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(parameter);
                    switch (p.path("in").asString()) {
                        case "path" -> inPath.add(p.path("name").asString());
                        case "query" -> inQuery.add(p.path("name").asString());
                        default -> { }
                    }
                }
                Set<Integer> statuses = new TreeSet<>();
                for (String status : operation.path("responses").propertyNames()) {
                    if (!status.equals("default")) {
                        statuses.add(Integer.parseInt(status));
                    }
                }
                String route = method.toUpperCase() + " " + path.getKey();
                operations.put(route, new Operation(route, inPath, inQuery, statuses, security(operation)));
            }
        }
        return operations;
    }

    /** "none", or each requirement as {@code scheme[role, ...]} (roles sorted), joined by " or ". */
    private static String security(JsonNode operation) {
        JsonNode requirements = operation.get("security");
        if (requirements == null || requirements.isEmpty()) {
            return "none";
        }
        List<String> alternatives = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                Set<String> roles = new TreeSet<>();
                scheme.getValue().forEach(r -> roles.add(r.asString()));
                alternatives.add(scheme.getKey() + roles);
            }
        }
        return String.join(" or ", alternatives);
    }

    /** The security schemes the document declares. */
    Set<String> securitySchemes() {
        return new TreeSet<>(root.path("components").path("securitySchemes").propertyNames());
    }

    /**
     * What is wrong with a real response to {@code method path} (empty when it conforms): the operation must exist,
     * list the status (or it must be one any operation may answer), name the media type, and the body must fit the
     * schema; every response carries {@code x-request-id}.
     */
    List<String> problems(String method, String path, int status, Optional<String> contentType,
                          Optional<String> requestId, String body) {
        List<String> problems = new ArrayList<>();
        String what = method + " " + path + " -> " + status;
        Optional<String> template = template(method, path);
        if (template.isEmpty()) {
            return List.of(what + ": no operation in the document");
        }
        if (requestId.isEmpty()) {
            problems.add(what + ": no x-request-id");
        }
        JsonNode responses = root.path("paths").path(template.get()).path(method.toLowerCase()).path("responses");
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            if (!ANY_OPERATION.contains(status) || !responses.has("default")) {
                problems.add(what + ": status not in the document (" + template.get() + ")");
                return problems;
            }
            response = responses.get("default");
        }
        response = resolve(response);
        JsonNode content = response.get("content");
        if (content == null) {
            return problems;
        }
        String mediaType = contentType.map(t -> t.split(";")[0].strip().toLowerCase()).orElse("");
        JsonNode media = content.get(mediaType);
        if (media == null) {
            problems.add(what + ": content type " + mediaType + " not in the document " + content.propertyNames());
            return problems;
        }
        JsonNode schema = media.get("schema");
        if (schema == null) {
            return problems;
        }
        if (mediaType.equals("application/x-ndjson")) {
            // JSON Lines: the schema is that of each line (OpenAPI 3.1 has no item schema for sequences)
            String[] lines = body.split("\n", -1);
            if (!body.isEmpty() && !body.endsWith("\n")) {
                problems.add(what + ": JSON Lines body does not end with a newline");
            }
            Schema lineSchema = compile(schema);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() && i == lines.length - 1) {
                    continue;
                }
                try {
                    for (Error error : lineSchema.validate(Json.mapper().readTree(lines[i]))) {
                        problems.add(what + ": line " + (i + 1) + ": " + error);
                    }
                } catch (RuntimeException e) {
                    problems.add(what + ": line " + (i + 1) + " is not JSON");
                }
            }
        } else if (mediaType.endsWith("json")) {
            JsonNode value;
            try {
                value = Json.mapper().readTree(body);
            } catch (RuntimeException e) {
                problems.add(what + ": body is not JSON");
                return problems;
            }
            for (Error error : compile(schema).validate(value)) {
                problems.add(what + ": " + error);
            }
        } else if (mediaType.endsWith("xml")) {
            String expectedRoot = resolve(schema).path("xml").path("name").asString();
            try {
                var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new InputSource(new StringReader(body)));
                String actualRoot = document.getDocumentElement().getTagName();
                if (!expectedRoot.isEmpty() && !expectedRoot.equals(actualRoot)) {
                    problems.add(what + ": XML root <" + actualRoot + ">, the document says <" + expectedRoot + ">");
                }
            } catch (Exception e) {
                problems.add(what + ": body is not well-formed XML: " + e.getMessage());
            }
        } else if (body.isEmpty()) {
            problems.add(what + ": empty " + mediaType + " body");
        }
        return problems;
    }

    /**
     * The operation's path template for a concrete path: a template segment {@code {name}} (optionally with a
     * literal suffix such as {@code .json}) matches any non-empty segment; a trailing slash does not count (as in
     * HttpApi); the template with the fewest parameters wins, as literal routes are meant to.
     */
    Optional<String> template(String method, String path) {
        String bare = path.replaceAll("/+$", "");
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> entry : root.path("paths").properties()) {
            if (!entry.getValue().has(method.toLowerCase())) {
                continue;
            }
            String template = entry.getKey();
            StringBuilder regex = new StringBuilder();
            int parameters = 0;
            for (String part : template.replaceAll("/+$", "").split("(?=\\{)|(?<=})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            if (Pattern.matches(regex.toString(), bare) && parameters < fewest) {
                best = template;
                fewest = parameters;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A schema of the document as a schema of its own: the node with the document's components beside it, so
     * that its {@code $ref}s to {@code #/components/...} resolve as they do in the document.
     */
    private Schema compile(JsonNode schema) {
        ObjectNode standalone = Json.mapper().createObjectNode();
        standalone.setAll((ObjectNode) schema.deepCopy());
        standalone.set("components", root.path("components"));
        return registry.getSchema(standalone);
    }

    /** A {@code $ref} to {@code #/...} followed (repeatedly); any other node as it is. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asString().startsWith("#/")) {
            current = root.at(current.get("$ref").asString().substring(1));
        }
        return current;
    }
}
