package org.bianmin.platform.priming;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Priming for a Lambda function's cold start: while Spring starts on the main thread, a daemon thread walks the
 * paths every first invocation takes and that Spring's start-up does not touch, so their classes (about 800 of the
 * Lambda events library, about 700 of the AWS SDK, the JDK's TLS, the JSON tree) are loaded on the other core instead
 * of inside the first request:
 * <ul>
 *   <li>an HTTP API event read and a response written by the Lambda events serializers, as the handler does;</li>
 *   <li>a DynamoDB read and write through a throwaway client whose HTTP client answers from memory, so the
 *   SDK's marshalling, signing, endpoint rules, retries and unmarshalling run without a request leaving the
 *   process;</li>
 *   <li>the HTTP client the functions' AWS clients use, built and closed: building it sets up TLS (the JDK's
 *   SSL context and trust store), which the first DynamoDB client otherwise does inside the first request;</li>
 *   <li>the event read as a JSON tree and written back, as Spring Cloud Function and the routes' JSON do.</li>
 * </ul>
 * Only a Lambda function primes (it runs one function, named by {@code spring.cloud.function.definition}); the local
 * runtime, which serves every route for hours, does not need it. Best effort: a failure is logged and changes nothing.
 */
public final class ColdStartPriming implements SpringApplicationRunListener {

    static final String HTTP_EVENT = """
            {"version":"2.0","routeKey":"POST /v1/inquiries","rawPath":"/v1/inquiries","rawQueryString":"a=1",
             "headers":{"content-type":"application/json"},"queryStringParameters":{"a":"1"},
             "requestContext":{"accountId":"000000000000","apiId":"priming","http":{"method":"POST",
               "path":"/v1/inquiries","protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"priming"},
               "requestId":"priming","routeKey":"POST /v1/inquiries","stage":"$default",
               "time":"01/Jan/2026:00:00:00 +0000","timeEpoch":1767225600000},
             "body":"{}","isBase64Encoded":false}""";

    public ColdStartPriming(SpringApplication application, String[] args) {
        // required constructor signature for run listeners
    }

    @Override
    public void starting(ConfigurableBootstrapContext bootstrapContext) {
        if (isLambdaFunction()) {
            Thread thread = new Thread(ColdStartPriming::prime, "cold-start-priming");
            thread.setDaemon(true);
            thread.start();
        }
    }

    static boolean isLambdaFunction() {
        String definition = System.getProperty("spring.cloud.function.definition",
                System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION"));
        return definition != null && !definition.isBlank();
    }

    static void prime() {
        long start = System.nanoTime();
        try {
            primeLambdaEvents();
            primeDynamoDb();
            primeHttpClient();
            primeJson();
            LoggerFactory.getLogger(ColdStartPriming.class).info("cold-start priming done in {} ms",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(ColdStartPriming.class).warn("cold-start priming failed: {}", e.toString());
        }
    }

    /** Reads an HTTP API event and writes a response; returns the response's JSON (tests read it). */
    static String primeLambdaEvents() {
        ClassLoader loader = ColdStartPriming.class.getClassLoader();
        APIGatewayV2HTTPEvent event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader)
                .fromJson(new ByteArrayInputStream(HTTP_EVENT.getBytes(StandardCharsets.UTF_8)));
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json")).withBody(event.getBody()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader).toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One GetItem and one PutItem answered from memory; returns the item read (tests read it). */
    static Map<String, AttributeValue> primeDynamoDb() {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(new AnswersFromMemory())
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://priming.invalid"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .build()) {
            client.putItem(b -> b.tableName("priming").item(Map.of("id", AttributeValue.fromS("priming"))));
            return client.getItem(b -> b.tableName("priming").key(Map.of("id", AttributeValue.fromS("priming")))).item();
        }
    }

    /** Builds and closes the functions' HTTP client (TLS set up); returns its name (tests read it). */
    static String primeHttpClient() {
        try (SdkHttpClient client = UrlConnectionHttpClient.create()) {
            return client.clientName();
        }
    }

    /** Reads the HTTP API event as an untyped JSON tree and writes it back; returns the JSON written. */
    static String primeJson() {
        JsonMapper mapper = JsonMapper.builder().build();
        return mapper.writeValueAsString(mapper.readValue(HTTP_EVENT, Object.class));
    }

    /** An HTTP client that sends nothing: every request gets 200 and the same small JSON item. */
    private static final class AnswersFromMemory implements SdkHttpClient {

        private static final byte[] ITEM = "{\"Item\":{\"id\":{\"S\":\"priming\"},\"n\":{\"N\":\"1\"}}}"
                .getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", String.valueOf(ITEM.length)).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(ITEM)))
                            .build();
                }

                @Override
                public void abort() {
                    // nothing in flight
                }
            };
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
