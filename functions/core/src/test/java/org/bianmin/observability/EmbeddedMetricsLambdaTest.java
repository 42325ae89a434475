package org.bianmin.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.BianminApplication;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.TestLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Lambda invocation writes its metrics as CloudWatch embedded metric format on standard output: AWS's sample
 * API Gateway event through the real handler (Spring Cloud Function's {@link FunctionInvoker}, {@code inquiryApi}) with
 * {@code AWS_LAMBDA_FUNCTION_NAME} set as in Lambda, and every EMF line checked as CloudWatch reads it: a JSON object
 * whose {@code _aws} block names the namespace, the dimensions and the metric with its unit, and whose top-level
 * fields hold the values.
 */
class EmbeddedMetricsLambdaTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String[] PROPERTIES = {"MAIN_CLASS", "spring.cloud.function.definition", "AWS_LAMBDA_FUNCTION_NAME",
            "bianmin.metrics.namespace"};
    private static FunctionInvoker handler;

    @BeforeAll
    static void startHandler() {
        System.setProperty("MAIN_CLASS", BianminApplication.class.getName());
        System.setProperty("spring.cloud.function.definition", "inquiryApi");
        System.setProperty("AWS_LAMBDA_FUNCTION_NAME", "bianmin-test-inquiry");
        System.setProperty("bianmin.metrics.namespace", "Bianmin/test");
        DynamoDbTestServer.springProperties().forEach(System::setProperty);
        handler = new FunctionInvoker();
    }

    @AfterAll
    static void clear() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
        DynamoDbTestServer.springProperties().keySet().forEach(System::clearProperty);
    }

    @Test
    void anInquiryInvocationWritesItsOutcomeAndLatencyAsEmbeddedMetricFormat() throws Exception {
        List<JsonNode> lines = emfLinesOf(() -> invoke("events/apigw-http-v2-inquiry.json"));

        JsonNode outcome = only(lines, MetricNames.INQUIRY_OUTCOMES);
        JsonNode directive = outcome.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(outcome.get("_aws").get("Timestamp").isNumber()).isTrue();
        assertThat(directive.get("Namespace").stringValue()).isEqualTo("Bianmin/test");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"action\"]]");
        assertThat(directive.get("Metrics").get(0).get("Name").stringValue()).isEqualTo(MetricNames.INQUIRY_OUTCOMES);
        assertThat(directive.get("Metrics").get(0).get("Unit").stringValue()).isEqualTo("Count");
        assertThat(outcome.get("action").stringValue()).isEqualTo("ANSWER");
        assertThat(outcome.get(MetricNames.INQUIRY_OUTCOMES).asDouble()).isEqualTo(1.0);

        JsonNode latency = only(lines, MetricNames.HTTP_REQUESTS);
        JsonNode timing = latency.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(timing.get("Dimensions").get(0)).extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrder("route", "method", "status");
        assertThat(timing.get("Metrics").get(0).get("Unit").stringValue()).isEqualTo("Milliseconds");
        assertThat(latency.get("route").stringValue()).isEqualTo("/v1/inquiries");
        assertThat(latency.get("method").stringValue()).isEqualTo("POST");
        assertThat(latency.get("status").stringValue()).isEqualTo("200");
        assertThat(latency.get(MetricNames.HTTP_REQUESTS).asDouble()).isPositive();
    }

    @Test
    void anUnknownPathIsOneSeriesWhateverThePath() throws Exception {
        List<JsonNode> lines = emfLinesOf(() -> {
            JsonNode event = event("events/apigw-http-v2-health.json");
            ((tools.jackson.databind.node.ObjectNode) event).put("rawPath", "/v1/no-such-route/BM2026" + System.nanoTime());
            invoke(event);
        });

        JsonNode latency = only(lines, MetricNames.HTTP_REQUESTS);
        assertThat(latency.get("route").stringValue()).isEqualTo("unmatched");
        assertThat(latency.get("status").stringValue()).isEqualTo("404");
    }

    private interface Invocation {
        void run() throws Exception;
    }

    /** The EMF lines printed while {@code invocation} ran; log lines and other output are skipped. */
    private static List<JsonNode> emfLinesOf(Invocation invocation) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invocation.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                try {
                    lines.add(json.readTree(line));
                } catch (JacksonException e) {
                    throw new AssertionError("an EMF line that is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    private static JsonNode only(List<JsonNode> lines, String metric) {
        List<JsonNode> matching = lines.stream().filter(line -> line.has(metric)).toList();
        assertThat(matching).as("EMF lines for " + metric).hasSize(1);
        return matching.get(0);
    }

    private static void invoke(String eventResource) throws Exception {
        invoke(event(eventResource));
    }

    private static JsonNode event(String resource) throws Exception {
        try (InputStream in = EmbeddedMetricsLambdaTest.class.getClassLoader().getResourceAsStream(resource)) {
            return json.readTree(in);
        }
    }

    private static void invoke(JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, new TestLambdaContext());
        assertThat(json.readTree(out.toByteArray()).get("statusCode").isInt()).isTrue();
    }
}
