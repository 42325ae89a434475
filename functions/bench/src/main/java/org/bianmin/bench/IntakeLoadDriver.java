package org.bianmin.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.web.IntakeRoute;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.knowledge.analysis.ChineseAnalyzer;
import org.bianmin.knowledge.application.KnowledgeBaseLoader;
import org.bianmin.local.dynalite.DynaliteServer;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hotline intake throughput on dynalite (durable as the local runtime runs it; {@code -Dbianmin.bench.store=memory}
 * for in memory): the intake route in process (validation, idempotency claim,
 * classification, grid, deadline, conditional ticket write, idempotency completion), beside the floor of the bare
 * DynamoDB writes it performs (conditional put of the claim, conditional put of the ticket, update of the claim)
 * with the same item sizes, from the same number of clients, in the same run.
 *
 * <pre>java -cp functions/bench/target/benchmarks.jar org.bianmin.bench.IntakeLoadDriver [clients] [seconds]</pre>
 */
public final class IntakeLoadDriver {

    private IntakeLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (DynaliteServer server = BenchStore.start()) {
            try (DynamoDbClient dynamo = BenchStore.client(server, "intake-")) {
                byte[] key = "benchmark-key-0123456789-abcdefg".getBytes();
                DynamoTicketStore tickets = new DynamoTicketStore(dynamo, "intake-");
                ChineseAnalyzer analyzer = ChineseAnalyzer.withDefaultResources();
                FilingRequest filing = new FilingRequest(
                        new RequestClassifier(Taxonomy.loadDefault(), new KnowledgeBaseLoader().load().entries(), analyzer),
                        GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets,
                        new PhoneProtector(key, key), Clock.systemUTC());
                HttpApi api = new HttpApi(List.of(new IntakeRoute(filing,
                        new DynamoIdempotency(dynamo, "intake-", Clock.systemUTC()))));
                List<String> texts = List.of("桂花路的路灯坏了一个星期了，晚上一片漆黑，老人走路摔了一跤",
                        "我家楼下工地晚上十二点还在打桩，吵得孩子睡不着", "包工头拖欠我们三个月工资不给，已经找了好几次",
                        "小区门口井盖没了，很危险，赶紧派人来看看", "网上买的东西商家不退款，客服一直推脱");
                IntFunction<Boolean> intake = i -> {
                    String body = "{\"text\":\"" + texts.get(i % texts.size()) + "\",\"phone\":\"13800001234\","
                            + "\"location\":{\"address\":\"东湖区桂花路" + i + "号\"},\"channel\":\"phone\"}";
                    return api.handle(new HttpRequest("POST", "/v1/requests", Map.of("content-type", "application/json",
                            "idempotency-key", UUID.randomUUID().toString()), Map.of(), body, "bench", Map.of())).status() == 201;
                };
                String idempotencyTable = Tables.IDEMPOTENCY.tableName("intake-");
                String ticketTable = Tables.TICKETS.tableName("intake-");
                HttpLoadDriver.runCalls("warm-up intake", clients, 15, intake);
                // a real ticket item (written by the warm-up), so the floor writes items of the same size
                Map<String, AttributeValue> sampleTicket = sampleTicket(dynamo, ticketTable);
                IntFunction<Boolean> floor = i -> {
                    String id = UUID.randomUUID().toString();
                    dynamo.putItem(p -> p.tableName(idempotencyTable).item(Map.of("idempotencyKey", AttributeValue.fromS(id),
                                    "status", AttributeValue.fromS("IN_PROGRESS"), "fingerprint", AttributeValue.fromS(id),
                                    "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() + 86400))))
                            .conditionExpression("attribute_not_exists(idempotencyKey)"));
                    Map<String, AttributeValue> ticket = new java.util.HashMap<>(sampleTicket);
                    ticket.put("trackingNumber", AttributeValue.fromS("FLOOR" + id));
                    dynamo.putItem(p -> p.tableName(ticketTable).item(ticket).conditionExpression("attribute_not_exists(trackingNumber)"));
                    dynamo.updateItem(u -> u.tableName(idempotencyTable).key(Map.of("idempotencyKey", AttributeValue.fromS(id)))
                            .updateExpression("SET #s = :d, #r = :r").expressionAttributeNames(Map.of("#s", "status", "#r", "response"))
                            .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("COMPLETED"), ":r", AttributeValue.fromS(id))));
                    return true;
                };
                HttpLoadDriver.runCalls("warm-up floor", clients, 10, floor);
                measured(server, "intake (route in process, " + BenchStore.label() + ")", clients, seconds, intake);
                measured(server, "floor: the same three conditional writes, bare", clients, seconds, floor);
            }
        }
    }

    private static void measured(DynaliteServer server, String label, int clients, int seconds, IntFunction<Boolean> call)
            throws Exception {
        long store = BenchStore.cpuMillis(server.pid());
        long jvm = BenchStore.ownCpuMillis();
        HttpLoadDriver.Result result = HttpLoadDriver.runCalls(label, clients, seconds, call);
        result.print();
        BenchStore.printCpu(label, result.requests(), BenchStore.cpuMillis(server.pid()) - store, BenchStore.ownCpuMillis() - jvm);
    }

    private static Map<String, AttributeValue> sampleTicket(DynamoDbClient dynamo, String table) {
        return dynamo.scan(s -> s.tableName(table).limit(1)).items().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the warm-up stored no ticket"));
    }
}
