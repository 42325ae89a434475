package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.infrastructure.DynamoTicketStatistics;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.RebuildingStatistics;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.web.StaffStatsCsvRoute;
import org.bianmin.hotline.web.StaffStatsRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The director's statistics on dynalite, each test in tables of its own: a ticket's lifecycle moves the right
 * numbers of the right department and day with one UpdateItem per change, feeding a change again (a retry, a
 * re-delivery, also after other tickets were counted in between) counts nothing twice, a department reads only
 * its own figures, and the CSV export is what Excel needs (BOM, header, columns, the download headers).
 */
class StatisticsAggregatesTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String FIELD = "市城市管理局";
    private static final String WATER = "市水务局";
    /** 2026-11-02 09:00 in Asia/Shanghai: every event of these tests falls on that day or the next. */
    private static final Instant FILED = Instant.parse("2026-11-02T01:00:00Z");
    private static final Map<String, String> DISPATCH = Map.of("sub", "director-1", "role", "dispatch");
    private static final StaffMember DISPATCHER = new StaffMember("dispatcher-1", null, true);
    private static final Map<String, String> RANGE = Map.of("from", "2026-11-01", "to", "2026-11-30");

    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private DynamoDbClient dynamo;
    private String prefix;
    private DynamoTicketStore store;
    private DynamoTicketStatistics statistics;
    private HttpApi api;

    @BeforeEach
    void tablesOfTheirOwn() {
        prefix = "stats-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, String> server = DynamoDbTestServer.springProperties();
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(server.get("bianmin.dynamodb.endpoint")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.get("bianmin.dynamodb.access-key-id"), server.get("bianmin.dynamodb.secret-access-key"))))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build();
        new TableProvisioner(dynamo, prefix).createMissing(Tables.ALL);
        store = new DynamoTicketStore(dynamo, prefix);
        statistics = new DynamoTicketStatistics(dynamo, prefix);
        Clock now = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
        api = new HttpApi(List.of(new StaffStatsRoute(statistics, now), new StaffStatsCsvRoute(statistics, now)));
    }

    @Test
    void aLifecycleMovesTheNumbersOfTheDepartmentThatHandledIt() {
        Ticket filed = ticket("T-LIFE", WATER, "B02", "管道漏水");
        operations.clear();
        assertThat(store.create(filed)).isTrue();
        assertThat(count("UpdateItem")).as("one aggregate update for the new ticket").isEqualTo(1);

        // dispatched to another department under a corrected category the same day: its received and its category
        // move with it (two items, one update each)
        operations.clear();
        new TransitioningTicket(store, Clock.fixed(FILED.plus(Duration.ofHours(1)), ZoneOffset.UTC))
                .transition("T-LIFE", TicketAction.DISPATCH, "测试", FIELD, "CXJS-SZSS-LD", DISPATCHER);
        assertThat(count("UpdateItem")).isEqualTo(2);
        StaffMember field = new StaffMember("field-1", FIELD, false);
        operations.clear();
        move("T-LIFE", FILED.plus(Duration.ofHours(2)), TicketAction.ACCEPT, null, field);
        assertThat(count("UpdateItem")).as("a change that counts nothing writes nothing").isZero();
        move("T-LIFE", FILED.plus(Duration.ofHours(26)), TicketAction.RESOLVE, null, field);
        assertThat(count("UpdateItem")).as("one update per counted transition").isEqualTo(1);
        new RatingTicket(store, Clock.fixed(FILED.plus(Duration.ofHours(30)), ZoneOffset.UTC))
                .rate(store.find("T-LIFE").orElseThrow(), 2, "没修好", true);
        move("T-LIFE", FILED.plus(Duration.ofMinutes(30 * 60 + 30)), TicketAction.DISPATCH, FIELD, DISPATCHER);
        move("T-LIFE", FILED.plus(Duration.ofHours(31)), TicketAction.ESCALATE, null, DISPATCHER);

        JsonNode city = stats(DISPATCH, Map.of());
        assertThat(city.get("byDepartment").findValuesAsString("name")).as("the first department keeps nothing")
                .containsExactly(FIELD);
        JsonNode row = city.get("byDepartment").get(0);
        assertThat(row.get("received").asLong()).isEqualTo(1);
        assertThat(row.get("closed").asLong()).isEqualTo(1);
        assertThat(row.get("closedOnTime").asLong()).isEqualTo(1);
        assertThat(row.get("onTimeClosureRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("averageHandlingHours").asDouble()).isEqualTo(26.0);
        assertThat(row.get("rated").asLong()).isEqualTo(1);
        assertThat(row.get("averageSatisfaction").asDouble()).isEqualTo(2.0);
        assertThat(row.get("reopened").asLong()).isEqualTo(1);
        assertThat(row.get("reopenRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("overdue").asLong()).isEqualTo(1);
        assertThat(city.get("summary").get("received").asLong()).isEqualTo(1);
        assertThat(city.get("topCategories").findValuesAsString("name")).containsExactly("路灯故障");
        assertThat(city.get("topCategories").get(0).get("received").asLong()).isEqualTo(1);
        JsonNode day1 = day(city, "2026-11-02");
        JsonNode day2 = day(city, "2026-11-03");
        assertThat(List.of(day1.get("received").asLong(), day1.get("closed").asLong(), day1.get("overdue").asLong()))
                .containsExactly(1L, 0L, 0L);
        assertThat(List.of(day2.get("received").asLong(), day2.get("closed").asLong(), day2.get("overdue").asLong(),
                day2.get("reopened").asLong())).containsExactly(0L, 1L, 1L, 1L);
        assertThat(city.get("daily").size()).isEqualTo(30);
    }

    @Test
    void feedingAChangeAgainCountsNothingTwiceEvenAfterOtherTicketsWereCounted() {
        Ticket a1 = ticket("T-A", FIELD, "A01", "路灯故障");
        Ticket b1 = ticket("T-B", FIELD, "A01", "路灯故障");
        store.create(a1);
        StaffMember field = new StaffMember("field-1", FIELD, false);
        move("T-A", FILED.plus(Duration.ofHours(3)), TicketAction.DISPATCH, FIELD, DISPATCHER);
        Ticket a3 = move("T-A", FILED.plus(Duration.ofHours(4)), TicketAction.ACCEPT, null, field);
        Ticket a4 = move("T-A", FILED.plus(Duration.ofHours(5)), TicketAction.RESOLVE, null, field);
        store.create(b1);
        JsonNode before = stats(DISPATCH, Map.of()).get("summary");

        // the same changes again, after other writes to the same item (the interleaving that used to count twice)
        statistics.record(a3, a4);
        statistics.record(null, b1);
        statistics.record(a3, a4);
        // and an older change arriving after a newer one of the same ticket was counted
        statistics.record(null, a1);

        JsonNode after = stats(DISPATCH, Map.of()).get("summary");
        assertThat(after).isEqualTo(before);
        assertThat(after.get("received").asLong()).isEqualTo(2);
        assertThat(after.get("closed").asLong()).isEqualTo(1);
    }

    @Test
    void aRebuildFromTheTicketsGivesTheFiguresCountedAsTheChangesHappened() {
        store.create(ticket("T-R1", WATER, "B02", "管道漏水"));
        store.create(ticket("T-R2", WATER, "B02", "管道漏水"));
        StaffMember field = new StaffMember("field-1", FIELD, false);
        move("T-R1", FILED.plus(Duration.ofHours(1)), TicketAction.DISPATCH, FIELD, DISPATCHER);
        move("T-R1", FILED.plus(Duration.ofHours(2)), TicketAction.ACCEPT, null, field);
        move("T-R1", FILED.plus(Duration.ofDays(4)), TicketAction.RESOLVE, null, field);
        new RatingTicket(store, Clock.fixed(FILED.plus(Duration.ofDays(5)), ZoneOffset.UTC))
                .rate(store.find("T-R1").orElseThrow(), 5, null, false);
        JsonNode counted = stats(DISPATCH, Map.of());
        assertThat(counted.get("summary").get("closed").asLong()).isEqualTo(1);

        RebuildingStatistics.Result result = new RebuildingStatistics(dynamo, prefix).rebuild();
        assertThat(result.ticketsCounted()).isEqualTo(2);
        assertThat(result.aggregatesDeleted()).isPositive();
        assertThat(stats(DISPATCH, Map.of())).isEqualTo(counted);
        new RebuildingStatistics(dynamo, prefix).rebuild();
        assertThat(stats(DISPATCH, Map.of())).as("a second rebuild counts nothing twice").isEqualTo(counted);
    }

    @Test
    void aDepartmentReadsOnlyItsOwnFiguresAndTheDispatchCentreAnyDepartment() {
        store.create(ticket("T-W", WATER, "B02", "管道漏水"));
        store.create(ticket("T-F", FIELD, "A01", "路灯故障"));
        Map<String, String> water = Map.of("sub", "water-1", "department", WATER);

        JsonNode own = stats(water, Map.of());
        assertThat(own.get("department").asString()).isEqualTo(WATER);
        assertThat(own.get("byDepartment").findValuesAsString("name")).containsExactly(WATER);
        assertThat(own.get("summary").get("received").asLong()).isEqualTo(1);
        assertThat(stats(water, Map.of("department", WATER)).get("summary").get("received").asLong()).isEqualTo(1);
        HttpResponse refused = get("/v1/staff/stats", water, Map.of("department", FIELD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("本部门");
        assertThat(get("/v1/staff/stats.csv", water, Map.of("department", FIELD)).status()).isEqualTo(403);
        assertThat(get("/v1/staff/stats", Map.of("sub", "nobody"), Map.of()).status()).isEqualTo(403);
        assertThat(get("/v1/staff/stats", Map.of(), Map.of()).status()).isEqualTo(401);

        assertThat(stats(DISPATCH, Map.of()).get("summary").get("received").asLong()).isEqualTo(2);
        JsonNode field = stats(DISPATCH, Map.of("department", FIELD));
        assertThat(field.get("department").asString()).isEqualTo(FIELD);
        assertThat(field.get("summary").get("received").asLong()).isEqualTo(1);
    }

    @Test
    void theCsvExportOpensInExcelWithTheRightColumns() {
        store.create(ticket("T-C1", FIELD, "A01", "路灯故障"));
        store.create(ticket("T-C2", FIELD, "A01", "路灯故障"));
        store.create(ticket("T-C3", "=HYPERLINK(\"x\")", "C03", "噪声扰民"));
        StaffMember field = new StaffMember("f", FIELD, false);
        move("T-C1", FILED.plus(Duration.ofHours(1)), TicketAction.DISPATCH, FIELD, DISPATCHER);
        move("T-C1", FILED.plus(Duration.ofHours(2)), TicketAction.ACCEPT, null, field);
        move("T-C1", FILED.plus(Duration.ofHours(5)), TicketAction.RESOLVE, null, field);

        HttpResponse response = get("/v1/staff/stats.csv", DISPATCH, Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(response.headers().get("content-disposition"))
                .isEqualTo("attachment; filename=\"bianmin-statistics-departments-2026-11-01_2026-11-30.csv\"");
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = response.body().substring(1).lines().toList();
        assertThat(response.body()).contains("\r\n");
        assertThat(lines.get(0)).isEqualTo("部门,受理量,办结量,按时办结量,按时办结率,平均办理时长（小时）,评价数,平均满意度（1-5分）,重开数,重开率,超期数");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).isEqualTo("市城市管理局,2,1,1,100.0%,5.0,0,,0,0.0%,0");
        assertThat(lines.get(2)).as("a name that looks like a formula stays text").startsWith("\"'=HYPERLINK(\"\"x\"\")\",1,0,0,,,0,,0,,0");
        assertThat(lines.get(3)).startsWith("合计（全市）,3,1,1,100.0%");
        lines.forEach(line -> assertThat(line.replaceAll("\"[^\"]*(\"\"[^\"]*)*\"", "q").split(",", -1)).hasSize(11));

        List<String> daily = get("/v1/staff/stats.csv", DISPATCH, Map.of("table", "daily")).body().substring(1).lines().toList();
        assertThat(daily.get(0)).isEqualTo("日期,受理量,办结量,按时办结量,超期数,重开数");
        assertThat(daily).hasSize(31).contains("2026-11-02,3,1,1,0,0");
        List<String> categories = get("/v1/staff/stats.csv", DISPATCH, Map.of("table", "categories")).body().substring(1).lines().toList();
        assertThat(categories).containsExactly("排名,类别编码,类别,受理量", "1,A01,路灯故障,2", "2,C03,噪声扰民,1");
        assertThat(get("/v1/staff/stats.csv", DISPATCH, Map.of("table", "tickets")).status()).isEqualTo(400);
        assertThat(get("/v1/staff/stats.csv", DISPATCH, Map.of("from", "2026-11-30", "to", "2026-11-01")).status()).isEqualTo(400);
    }

    private long count(String operation) {
        return operations.stream().filter(operation::equals).count();
    }

    private static Ticket ticket(String number, String department, String categoryCode, String category) {
        return new Ticket(number, "hash", TicketStatus.RECEIVED, 1, "phone", "测试诉求",
                new ProtectedPhone("phone-hash-" + number, "138****0000", "cipher"), new Location("测试路1号", null, null, null),
                "城乡建设", categoryCode, category, department, null, SlaClass.NORMAL, false, FILED,
                FILED.plus(Duration.ofDays(3)), null, null,
                List.of(new TicketEvent(FILED, "channel:phone", "FILE", null, TicketStatus.RECEIVED, null)));
    }

    private Ticket move(String number, Instant at, TicketAction action, String department, StaffMember actor) {
        return new TransitioningTicket(store, Clock.fixed(at, ZoneOffset.UTC)).transition(number, action, "测试", department, actor);
    }

    private JsonNode stats(Map<String, String> claims, Map<String, String> query) {
        Map<String, String> all = new HashMap<>(RANGE);
        all.putAll(query);
        HttpResponse response = get("/v1/staff/stats", claims, all);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse get(String path, Map<String, String> claims, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        Map<String, String> all = new HashMap<>(path.endsWith(".csv") ? RANGE : Map.of());
        all.putAll(query);
        return api.handle(new HttpRequest("GET", path, headers, all, "", "t", Map.of()));
    }

    private static JsonNode day(JsonNode stats, String date) {
        for (JsonNode d : stats.get("daily")) {
            if (d.get("date").asString().equals(date)) {
                return d;
            }
        }
        throw new AssertionError("no day " + date);
    }
}
