package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.ImportingHistoricalRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoExternalIdRegistry;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.web.StaffImportRoute;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffSimilarRoute;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Historical import through the staff route, with tickets and id claims in dynalite. */
class HistoricalImportTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final FilingRequest filing = new FilingRequest(
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER),
            GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets,
            new PhoneProtector(KEY, KEY), Clock.systemUTC());
    private static final ImportingHistoricalRequest importing = new ImportingHistoricalRequest(filing, tickets,
            new DynamoExternalIdRegistry(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX));
    private static final HotlineIntake intake =
            new HotlineIntakeService(filing, Taxonomy.loadDefault(), new org.bianmin.store.DynamoIdempotency(
                    DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC()), () -> importing);
    private final HttpApi api = new HttpApi(List.of(new StaffImportRoute(intake, Clock.systemUTC()),
            new StaffRequestsRoute(tickets),
            new StaffSimilarRoute(tickets, new FindingSimilarTickets(tickets, Knowledge.ANALYZER))));

    private static final Map<String, String> DISPATCH = Map.of("sub", "importer-1", "role", "dispatch");
    private static final Map<String, String> CITY_STAFF = Map.of("sub", "cg-1", "department", "市城市管理局");

    /** Ids unique to one test run, so reruns of the suite against the same store stay independent. */
    private static String id(String suffix) {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-" + suffix;
    }

    private static Map<String, Object> row(String id, String subject, String detail, String time) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("subject", subject);
        row.put("detail", detail);
        row.put("time", time);
        return row;
    }

    private HttpResponse post(Map<String, String> claims, Object body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest("POST", "/v1/staff/requests/import", headers, Map.of(),
                body instanceof String s ? s : json.writeValueAsString(body), "t", Map.of()));
    }

    private JsonNode byExternalId(Map<String, String> claims, String externalId) {
        Map<String, String> headers = new HashMap<>();
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        HttpResponse response = api.handle(new HttpRequest("GET", "/v1/staff/requests", headers,
                Map.of("externalId", externalId), "", "t", Map.of()));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body()).get("requests");
    }

    @Test
    void rowsBecomeTicketsWithTheirOriginalTimeAndIdAndARerunFilesNothingNew() {
        String lamp = id("lamp");
        String noise = id("noise");
        List<Map<String, Object>> rows = List.of(
                row(lamp, "桂花路路灯不亮", "桂花路38号门口的路灯已经坏了半个月，晚上走路很危险，请尽快修理。", "2019/2/28 11:25:05"),
                row(noise, "小区旁餐馆油烟扰民", "楼下餐馆每天晚上排放油烟，家里窗户都不敢开，希望环保部门来查一查。", "2019-07-19 18:19"));
        rows.get(1).put("up", 12);

        JsonNode first = json.readTree(post(DISPATCH, rows).body());
        assertThat(first.get("created").asInt()).isEqualTo(2);
        assertThat(first.get("results").findValuesAsString("outcome")).containsExactly("CREATED", "CREATED");

        JsonNode found = byExternalId(DISPATCH, noise);
        assertThat(found).hasSize(1);
        JsonNode ticket = found.get(0);
        assertThat(ticket.get("externalId").asString()).isEqualTo(noise);
        assertThat(ticket.get("likes").asInt()).isEqualTo(12);
        assertThat(ticket.get("phone").asString()).isEqualTo("0000-****0000");
        assertThat(ticket.get("text").asString()).startsWith("小区旁餐馆油烟扰民\n楼下餐馆");
        assertThat(ticket.get("trackingNumber").asString()).startsWith("BM190719");
        assertThat(ticket.get("history").get(0).get("actor").asString()).isEqualTo("import:importer-1");
        Ticket stored = tickets.find(ticket.get("trackingNumber").asString()).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(Instant.parse("2019-07-19T10:19:00Z"));
        assertThat(stored.channel()).isEqualTo("import");
        // long past its deadline, yet never handed to the SLA scheduler
        assertThat(tickets.overdue(Instant.now(), 10_000)).noneMatch(t -> t.trackingNumber().equals(stored.trackingNumber()));

        JsonNode again = json.readTree(post(DISPATCH, rows).body());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("existing").asInt()).isEqualTo(2);
        assertThat(again.get("results").findValuesAsString("trackingNumber"))
                .isEqualTo(first.get("results").findValuesAsString("trackingNumber"));
        assertThat(tickets.withExternalId(lamp)).hasSize(1);
        assertThat(tickets.withExternalId(noise)).hasSize(1);
    }

    @Test
    void badRowsAreRejectedByTheirRowNumberWhileTheOthersAreFiled() {
        String good = id("good");
        String badTime = id("time");
        String shortText = id("short");
        String future = id("future");
        List<Map<String, Object>> rows = new ArrayList<>(List.of(
                row(null, "没有编号", "这一行没有原始编号，无法保证重复导入时不重复。", "2019/3/1 09:00:00"),
                row(good, "公交站台破损", "人民路公交站台的顶棚破了一个大洞，下雨天等车都淋湿了。", "2019/3/2 10:00:00"),
                row(badTime, "时间写错了", "这一行的时间不是有效的时间格式，应当被拒绝。", "去年春天"),
                row(shortText, "", "太短", "2019/3/3 10:00:00"),
                row(future, "未来的诉求", "这一行的时间在未来，不可能是历史诉求，应当被拒绝。", "2099-01-01T00:00:00+08:00")));
        rows.add(Map.of("id", 42, "detail", "编号是数字而不是字符串，类型不对应当被拒绝。", "time", "2019/3/4 10:00"));

        HttpResponse response = post(DISPATCH, rows);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("created").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(5);
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("error").get("code").asString()).isEqualTo("INVALID_EXTERNAL_ID");
        assertThat(results.get(1).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(results.get(2).get("error").get("code").asString()).isEqualTo("INVALID_TIME");
        assertThat(results.get(3).get("error").get("code").asString()).isEqualTo("TEXT_LENGTH");
        assertThat(results.get(4).get("error").get("code").asString()).isEqualTo("INVALID_TIME");
        assertThat(results.get(5).get("error").get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(results.findValuesAsString("row")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(tickets.withExternalId(badTime)).isEmpty();
        assertThat(tickets.withExternalId(shortText)).isEmpty();
        assertThat(tickets.withExternalId(future)).isEmpty();
    }

    @Test
    void onlyTheDispatchCentreMayImportAndABrokenBatchIsA400() {
        Map<String, Object> row = row(id("x"), "路灯", "桂花路的路灯坏了一个星期了，晚上一片漆黑。", "2019/3/1 09:00:00");
        assertThat(post(Map.of(), List.of(row)).status()).isEqualTo(401);
        assertThat(post(CITY_STAFF, List.of(row)).status()).isEqualTo(403);
        assertThat(tickets.withExternalId(String.valueOf(row.get("id")))).isEmpty();
        assertThat(post(DISPATCH, row).status()).isEqualTo(400);
        assertThat(post(DISPATCH, List.of()).status()).isEqualTo(400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(row);
        }
        assertThat(post(DISPATCH, tooMany).status()).isEqualTo(400);
        assertThat(post(DISPATCH, "[{").status()).isEqualTo(400);
    }

    /**
     * An imported ticket waits for dispatch like any received one: until the dispatch centre dispatches it, no
     * department finds it, not even the one it is routed to (the agent desk's rule; a dispatched ticket is found by its
     * department only, AgentDeskApiTest).
     */
    @Test
    void anImportedTicketAwaitingDispatchIsFoundByTheDispatchCentreOnly() {
        String lamp = id("dept");
        post(DISPATCH, List.of(row(lamp, "路灯不亮", "桂花路38号门口的路灯已经坏了半个月，晚上走路很危险，请尽快修理。", "2019/4/1 08:00")));
        JsonNode found = byExternalId(DISPATCH, lamp);
        assertThat(found).hasSize(1);
        String department = found.get(0).get("department").asString();
        assertThat(byExternalId(Map.of("sub", "d-1", "department", department), lamp)).isEmpty();
        assertThat(byExternalId(Map.of("sub", "d-2", "department", "某个别的部门"), lamp)).isEmpty();
    }

    /**
     * An open imported ticket sorts by deadline and priority with the rest of the queue (its own partition of the
     * deadline index), while its long-passed deadline stays out of 已超期 and out of the SLA scheduler's reach.
     */
    @Test
    void anOpenImportedTicketIsListedWhenSortedByDueOrPriorityButNotAsOverdue() {
        String marker = "导入排序" + UUID.randomUUID().toString().substring(0, 6);
        String externalId = id("sort");
        post(DISPATCH, List.of(row(externalId, "路灯不亮", "桂花路38号门口的路灯坏了半个月，" + marker + "，晚上很危险。",
                "2019/4/1 08:00")));
        String number = byExternalId(DISPATCH, externalId).get(0).get("trackingNumber").asString();

        for (String sort : List.of("created", "due", "priority")) {
            assertThat(listed(Map.of("q", marker, "sort", sort))).as(sort).containsExactly(number);
        }
        assertThat(listed(Map.of("q", marker, "view", "awaiting-dispatch", "sort", "due"))).containsExactly(number);
        assertThat(listed(Map.of("q", marker, "view", "overdue"))).isEmpty();
        assertThat(tickets.overdue(java.time.Instant.now(), 50)).extracting(t -> t.trackingNumber()).doesNotContain(number);
    }

    private List<String> listed(Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        DISPATCH.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        List<String> found = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> asked = new HashMap<>(query);
            if (cursor != null) {
                asked.put("cursor", cursor);
            }
            HttpResponse response = api.handle(new HttpRequest("GET", "/v1/staff/requests", headers, asked, "", "t", Map.of()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            page.get("requests").forEach(r -> found.add(r.get("trackingNumber").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return found;
    }

    @Test
    void concurrentImportsOfTheSameRowFileItOnce() throws Exception {
        String same = id("race");
        Map<String, Object> row = row(same, "井盖缺失", "解放路与人民路路口的井盖不见了，车辆和行人经过非常危险。", "2019/5/5 07:30");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> json.readTree(post(DISPATCH, List.of(row)).body())));
            }
            Set<String> numbers = new HashSet<>();
            int created = 0;
            for (Future<JsonNode> run : runs) {
                JsonNode body = run.get();
                created += body.get("created").asInt();
                numbers.add(body.get("results").get(0).get("trackingNumber").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(numbers).hasSize(1);
            assertThat(tickets.withExternalId(same)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSimilarRouteListsTheSameProblemAtTheSamePlaceWithItsReasonsAndNothingElse() {
        String first = id("sim1");
        String again = id("sim2");
        String otherProblem = id("sim3");
        String otherPlace = id("sim4");
        JsonNode filed = json.readTree(post(DISPATCH, List.of(
                row(first, "翠湖路星光小区门口路灯不亮", "翠湖路星光小区南门口的三盏路灯坏了两个星期，晚上一片漆黑，老人出门很危险。", "2021/3/1 20:00"),
                row(again, "星光小区南门路灯坏了", "翠湖路星光小区南门的路灯一直不亮，已经十多天了，晚上回家看不清路，请尽快修理路灯。", "2021/3/5 21:10"),
                row(otherProblem, "星光小区门口垃圾没人清理", "翠湖路星光小区南门口的垃圾堆了一个星期没人清运，臭气熏天。", "2021/3/3 09:00"),
                row(otherPlace, "梧桐街幸福家园路灯不亮", "梧桐街幸福家园北门的路灯坏了两个星期，晚上一片漆黑，出门很危险。", "2021/3/4 20:30"))).body());
        assertThat(filed.get("created").asInt()).isEqualTo(4);
        String number = filed.get("results").get(0).get("trackingNumber").asString();
        String duplicate = filed.get("results").get(1).get("trackingNumber").asString();

        Map<String, String> headers = new HashMap<>();
        DISPATCH.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        HttpResponse response = api.handle(new HttpRequest("GET", "/v1/staff/requests/" + number + "/similar", headers,
                Map.of(), "", "t", Map.of("trackingNumber", number)));
        assertThat(response.status()).isEqualTo(200);
        JsonNode similar = json.readTree(response.body()).get("similar");
        assertThat(similar.findValuesAsString("trackingNumber")).containsExactly(duplicate);
        JsonNode reasons = similar.get(0).get("reasons");
        assertThat(reasons.get("sharedPlaces").toString()).contains("星光小区");
        assertThat(reasons.get("sharedWords").toString()).contains("路灯");
        assertThat(reasons.get("daysApart").asDouble()).isBetween(4.0, 4.1);
        assertThat(similar.get(0).get("score").asDouble()).isBetween(0.4, 1.0);

        assertThat(api.handle(new HttpRequest("GET", "/v1/staff/requests/BM000000000000/similar", headers, Map.of(),
                "", "t", Map.of("trackingNumber", "BM000000000000"))).status()).isEqualTo(404);
        assertThat(api.handle(new HttpRequest("GET", "/v1/staff/requests/" + number + "/similar", Map.of(), Map.of(),
                "", "t", Map.of("trackingNumber", number))).status()).isEqualTo(401);
    }
}
