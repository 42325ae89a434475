package org.bianmin.platform.priming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The priming walks the real paths (the Lambda events serializers, the DynamoDB client) and sends nothing. */
class ColdStartPrimingTest {

    @Test
    void readsAnHttpApiEventAndWritesTheResponseWithTheLambdaEventSerializers() {
        String response = ColdStartPriming.primeLambdaEvents();
        assertThat(response).contains("\"statusCode\":200").contains("\"body\":\"{}\"");
    }

    @Test
    void aDynamoDbReadAndWriteRunTheWholeClientPathAgainstAnAnswerFromMemory() {
        assertThat(ColdStartPriming.primeDynamoDb())
                .containsEntry("id", AttributeValue.fromS("priming"))
                .containsEntry("n", AttributeValue.fromN("1"));
    }

    @Test
    void buildsTheFunctionsHttpClientAndReadsTheEventAsAJsonTree() {
        assertThat(ColdStartPriming.primeHttpClient()).isEqualTo("UrlConnection");
        assertThat(ColdStartPriming.primeJson()).contains("\"routeKey\":\"POST /v1/inquiries\"")
                .contains("\"timeEpoch\":1767225600000");
    }

    @Test
    void onlyALambdaFunctionPrimesNotTheLocalRuntime() {
        String before = System.getProperty("spring.cloud.function.definition");
        try {
            System.clearProperty("spring.cloud.function.definition");
            // the test JVM has no function definition in its environment either
            assertThat(ColdStartPriming.isLambdaFunction())
                    .isEqualTo(System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION") != null);
            System.setProperty("spring.cloud.function.definition", "inquiryApi");
            assertThat(ColdStartPriming.isLambdaFunction()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("spring.cloud.function.definition");
            } else {
                System.setProperty("spring.cloud.function.definition", before);
            }
        }
    }
}
