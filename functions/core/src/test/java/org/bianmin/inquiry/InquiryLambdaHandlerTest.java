package org.bianmin.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bianmin.BianminApplication;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.TestLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway HTTP API (payload v2) events, in the shape AWS sends them, pushed through the real Lambda handler:
 * Spring Cloud Function's {@link FunctionInvoker} with {@code inquiryApi} as the function definition.
 */
class InquiryLambdaHandlerTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static FunctionInvoker handler;

    @BeforeAll
    static void startHandler() {
        System.setProperty("MAIN_CLASS", BianminApplication.class.getName());
        System.setProperty("spring.cloud.function.definition", "inquiryApi");
        DynamoDbTestServer.springProperties().forEach(System::setProperty);
        handler = new FunctionInvoker();
    }

    @AfterAll
    static void clear() {
        for (String p : new String[] {"MAIN_CLASS", "spring.cloud.function.definition"}) {
            System.clearProperty(p);
        }
        DynamoDbTestServer.springProperties().keySet().forEach(System::clearProperty);
    }

    @Test
    void theSampleEventIsWhatAwsSerializationReadsAsAnHttpApiEvent() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw-http-v2-inquiry.json");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(event.getRawPath()).isEqualTo("/v1/inquiries");
    }

    @Test
    void answersAnInquiryEvent() throws IOException {
        JsonNode response = invoke(event("apigw-http-v2-inquiry.json"));
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode body = json.readTree(response.get("body").stringValue());
        assertThat(body.get("action").stringValue()).isEqualTo("ANSWER");
        assertThat(body.get("entry").get("id").stringValue()).startsWith("gjj-rent-withdrawal");
        assertThat(response.get("headers").get("content-type").stringValue()).startsWith("application/json");
    }

    @Test
    void reportsHealthThroughTheSameFunction() throws IOException {
        JsonNode response = invoke(event("apigw-http-v2-health.json"));
        assertThat(response.get("statusCode").intValue()).isEqualTo(200);
        JsonNode body = json.readTree(response.get("body").stringValue());
        assertThat(body.get("dependencies").get("conversations").get("status").stringValue()).isEqualTo("UP");
        assertThat(body.get("dependencies").get("knowledgeIndex").get("documents").intValue()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void rejectsBadBodiesWithA400AndTheErrorShape() throws IOException {
        assertError(withBody("{\"text\":\"   \"}", "application/json"), "TEXT_REQUIRED");
        assertError(withBody("{\"text\":", "application/json"), "INVALID_JSON");
        assertError(withBody("text=公积金", "application/x-www-form-urlencoded"), "UNSUPPORTED_CONTENT_TYPE");
        assertError(withBody("{\"text\":\"" + "长".repeat(501) + "\"}", "application/json"), "TEXT_TOO_LONG");
    }

    @Test
    void aBrokenPercentEscapeInTheQueryStringIsA400NotA500() throws IOException {
        ObjectNode event = event("apigw-http-v2-health.json");
        event.put("rawQueryString", "verbose=%zz");
        assertError(event, "MALFORMED_ENCODING");
    }

    @Test
    void typesAreStrictAndAbsurdNumbersAreRefused() throws IOException {
        assertError(withBody("{\"text\":12}", "application/json"), "INVALID_FIELD");
        assertError(withBody("{\"text\":\"公积金\",\"channel\":1e400}", "application/json"), "INVALID_FIELD");
        assertError(withBody("{\"text\":\"公积金\",\"channel\":\"fax\"}", "application/json"), "INVALID_CHANNEL");
    }

    @Test
    void decodesBase64Bodies() throws IOException {
        ObjectNode event = withBody(java.util.Base64.getEncoder().encodeToString(
                "{\"text\":\"租房提取公积金需要满足什么条件\"}".getBytes(StandardCharsets.UTF_8)), "application/json");
        event.put("isBase64Encoded", true);
        assertThat(invoke(event).get("statusCode").intValue()).isEqualTo(200);
    }

    private static void assertError(ObjectNode event, String code) throws IOException {
        JsonNode response = invoke(event);
        assertThat(response.get("statusCode").intValue()).isEqualTo(400);
        JsonNode body = json.readTree(response.get("body").stringValue());
        assertThat(body.get("error").get("code").stringValue()).isEqualTo(code);
        assertThat(body.get("error").get("message").stringValue()).isNotBlank();
    }

    private static ObjectNode withBody(String body, String contentType) throws IOException {
        ObjectNode event = event("apigw-http-v2-inquiry.json");
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("content-type", contentType);
        return event;
    }

    private static ObjectNode event(String name) throws IOException {
        try (InputStream in = InquiryLambdaHandlerTest.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private static JsonNode invoke(JsonNode event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.writeValueAsBytes(event)), out, new TestLambdaContext());
        return json.readTree(out.toByteArray());
    }
}
