package org.bianmin.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.Json;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ReverificationChunk;
import org.bianmin.approval.application.ReverifyingRecipients;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.infrastructure.DynamoBatchStore;
import org.bianmin.approval.infrastructure.InProcessReverificationQueue;
import org.bianmin.approval.web.ReverificationRoutes;
import org.bianmin.approval.infrastructure.SqsReverificationQueue;
import org.bianmin.approval.model.CheckOutcome;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Batch re-verification through the in-process queue and the SQS worker's batch handler, on dynalite. */
class ReverificationTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final SyntheticPopulation population =
            new SyntheticPopulation(1200, 20261121L, LocalDate.now(ZoneId.of("Asia/Shanghai")));
    private static final ServiceCatalog catalog = ServiceCatalog.load(Set.copyOf(SyntheticPopulation.SOURCES));
    private static final DynamoBatchStore batches = new DynamoBatchStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);

    private static ReverifyingRecipients reverifying() {
        Map<String, DataSource> sources = new LinkedHashMap<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            sources.put(name, new FixtureDataSource(name, population, Duration.ofMillis(1), Duration.ofMillis(3), 0, seed++));
        }
        return new ReverifyingRecipients(catalog, new DecidingApplication(sources, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Clock.systemUTC()), batches, Clock.systemUTC());
    }

    /** Staff claims as the staff authorizer passes them on. */
    private static Map<String, String> staff(String department) {
        return Map.of("content-type", "application/json", HttpRequest.CLAIM_PREFIX + "sub", "staff-1",
                HttpRequest.CLAIM_PREFIX + "department", department);
    }

    @Test
    void aBatchIsCheckedInChunksWithProgressAndASummary() throws Exception {
        ServiceItem item = catalog.item("elderly-allowance").orElseThrow();
        List<ResidentId> recipients = population.people().subList(0, 120);
        long eligible = recipients.stream().filter(id -> item.checks().stream()
                .allMatch(c -> c.evaluate(population.record(c.source(), id)) == CheckOutcome.PASS)).count();
        ReverifyingRecipients reverifying = reverifying();
        try (InProcessReverificationQueue queue = new InProcessReverificationQueue(reverifying, 4)) {
            HttpApi api = new HttpApi(new ReverificationRoutes(catalog, reverifying, queue, batches).routes());
            String body = "{\"item\":\"elderly-allowance\",\"idNumbers\":" + Json.write(recipients.stream().map(ResidentId::value).toList()) + "}";
            assertThat(api.handle(new HttpRequest("POST", "/v1/approvals/batches",
                    Map.of("content-type", "application/json"), Map.of(), body, "t", Map.of())).status()).isEqualTo(401);
            assertThat(api.handle(new HttpRequest("POST", "/v1/approvals/batches", staff("市城市管理局"), Map.of(), body, "t",
                    Map.of())).status()).isEqualTo(403);
            HttpResponse started = api.handle(new HttpRequest("POST", "/v1/approvals/batches",
                    staff(item.department()), Map.of(), body, "t", Map.of()));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String batchId = json.readTree(started.body()).get("batchId").stringValue();

            JsonNode progress = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                progress = json.readTree(api.handle(new HttpRequest("GET", "/v1/approvals/batches/" + batchId,
                        staff("市民政局"), Map.of(), "", "t", Map.of())).body());
                if (progress.get("status").stringValue().equals("DONE")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(progress.get("status").stringValue()).isEqualTo("DONE");
            assertThat(progress.get("processed").intValue()).isEqualTo(120);
            assertThat(progress.get("approved").intValue()).isEqualTo((int) eligible);
            assertThat(progress.get("rejected").intValue() + progress.get("manualReview").intValue()).isEqualTo(120 - (int) eligible);
            assertThat(progress.get("failed").intValue()).isZero();

            String bad = body.replace(recipients.get(5).value(), "123");
            HttpResponse rejected = api.handle(new HttpRequest("POST", "/v1/approvals/batches",
                    staff(item.department()), Map.of(), bad, "t", Map.of()));
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.body()).contains("第6个");
        }
    }

    @Test
    void theSqsWorkerReportsOnlyTheChunksThatFailed() {
        ReverifyingRecipients reverifying = reverifying();
        ServiceItem item = catalog.item("elderly-allowance").orElseThrow();
        String batchId = reverifying.start(item, population.people().subList(0, 3), chunk -> { });
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs-dispatch.json");
        event.getRecords().get(0).setBody(Json.write(new ReverificationChunk(batchId, "elderly-allowance",
                population.people().subList(0, 3).stream().map(ResidentId::value).toList())));
        event.getRecords().get(1).setBody(Json.write(new ReverificationChunk(batchId, "no-such-item", List.of())));

        SQSBatchResponse response = SqsReverificationQueue.consume(event, reverifying);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getMessageId());
        assertThat(batches.progress(batchId).orElseThrow()).containsEntry("processed", 3).containsEntry("status", "DONE");
    }
}
