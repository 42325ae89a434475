package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.ImportingHistoricalRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.hotspots.AssigningHotSpot;
import org.bianmin.hotline.hotspots.ListingHotSpots;
import org.bianmin.hotline.infrastructure.DynamoExternalIdRegistry;
import org.bianmin.hotline.infrastructure.DynamoHotSpotStore;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.web.StaffHotSpotsRoute;
import org.bianmin.hotline.web.StaffImportRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hot spots end to end on dynalite: tickets filed through the real intake and the historical import are clustered as
 * they are stored, and the staff route lists the clusters of a period, hottest first, by who may see them.
 */
class HotSpotsTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    /** Requests filed "now" are filed in June 2012, a month no other test writes clusters in. */
    private static final FilingRequest filing = new FilingRequest(
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER),
            GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets,
            new PhoneProtector(KEY, KEY), Clock.fixed(Instant.parse("2012-06-15T02:00:00Z"), ZoneOffset.UTC));
    private static final ImportingHistoricalRequest importing = new ImportingHistoricalRequest(filing, tickets,
            new DynamoExternalIdRegistry(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX));
    private static final HotlineIntake intake =
            new HotlineIntakeService(filing, Taxonomy.loadDefault(), new org.bianmin.store.DynamoIdempotency(
                    DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC()), () -> importing);

    static {
        AssigningHotSpot assigning = new AssigningHotSpot(
                new DynamoHotSpotStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, true), Knowledge.ANALYZER);
        filing.afterFiling(assigning::assign);
    }

    private final HttpApi api = new HttpApi(List.of(new StaffImportRoute(intake, Clock.systemUTC()),
            new StaffHotSpotsRoute(new ListingHotSpots(
                    new DynamoHotSpotStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, false)),
                    Clock.fixed(Instant.parse("2012-06-20T02:00:00Z"), ZoneOffset.UTC))));

    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");

    private static Map<String, Object> row(String id, String subject, String detail, String time, int up) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("subject", subject);
        row.put("detail", detail);
        row.put("time", time);
        row.put("up", up);
        return row;
    }

    private HttpResponse call(String method, String path, Map<String, String> claims, Map<String, String> query, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest(method, path, headers, query, body, "t", Map.of()));
    }

    private JsonNode hotSpots(Map<String, String> claims, Map<String, String> query) {
        HttpResponse response = call("GET", "/v1/staff/hotspots", claims, query, "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("hotspots");
    }

    @Test
    void importedReportsOfOneProblemAtOnePlaceBecomeARankedHotSpotWithTheirIdsAndTrackingNumbers() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Map<String, Object>> rows = List.of(
                row(run + "-1", "青松苑小区旁边搅拌站噪音扰民", "青松苑小区旁边新建了一个混凝土搅拌站，每天夜里机器轰鸣，噪音很大，灰尘也多。", "2011/3/2 10:00:00", 3),
                row(run + "-2", "投诉青松苑附近搅拌站", "青松苑小区附近的搅拌站半夜还在生产，噪音吵得老人孩子睡不着觉，粉尘满天。", "2011/3/5 21:10:00", 0),
                row(run + "-3", "青松苑小区搅拌站粉尘噪音污染严重", "家住青松苑小区，旁边搅拌站的噪音和粉尘污染太严重了，希望环保部门查处。", "2011/3/9 08:30:00", 12),
                // the same place with another problem, and the same problem at another place: neither joins
                row(run + "-4", "青松苑小区电梯经常故障", "青松苑小区3栋电梯上个月坏了四次，老人被困在电梯里，物业一直不修。", "2011/3/6 09:00:00", 0),
                row(run + "-5", "红枫湾小区旁搅拌站噪音扰民", "红枫湾小区旁边的搅拌站夜里一直生产，噪音很大，粉尘飞进家里。", "2011/3/7 22:00:00", 0),
                row(run + "-6", "红枫湾附近搅拌站半夜施工", "红枫湾小区附近的搅拌站半夜生产噪音扰民，粉尘污染严重。", "2011/3/8 23:00:00", 0));
        HttpResponse imported = call("POST", "/v1/staff/requests/import", DISPATCH, Map.of(), json.writeValueAsString(rows));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Map<String, String> trackingNumbers = new HashMap<>();
        json.readTree(imported.body()).get("results").forEach(r ->
                trackingNumbers.put(r.get("id").asString(), r.get("trackingNumber").asString()));

        JsonNode hot = hotSpots(DISPATCH, Map.of("from", "2011-03-01", "to", "2011-03-31"));
        JsonNode first = hot.get(0);
        assertThat(first.get("members").findValuesAsString("externalId"))
                .containsExactly(run + "-1", run + "-2", run + "-3");
        assertThat(first.get("members").findValuesAsString("trackingNumber")).containsExactly(
                trackingNumbers.get(run + "-1"), trackingNumbers.get(run + "-2"), trackingNumbers.get(run + "-3"));
        assertThat(first.get("name").asString()).contains("青松苑").contains("搅拌");
        assertThat(first.get("place").asString()).contains("青松苑");
        assertThat(first.get("reports").asInt()).isEqualTo(3);
        assertThat(first.get("reporters").asInt()).as("unknown callers count one each").isEqualTo(3);
        assertThat(first.get("likes").asInt()).isEqualTo(15);
        assertThat(first.get("firstAt").asString()).startsWith("2011-03-02T10:00");
        assertThat(first.get("lastAt").asString()).startsWith("2011-03-09T08:30");
        assertThat(first.get("department").asString()).isNotBlank();
        JsonNode second = hot.get(1);
        assertThat(second.get("members").findValuesAsString("externalId")).containsExactly(run + "-5", run + "-6");
        assertThat(first.get("heat").asDouble()).isGreaterThan(second.get("heat").asDouble());
        assertThat(hot.findValuesAsString("externalId")).doesNotContain(run + "-4");

        // a department sees the hot spots it handles most of, and no other
        String department = first.get("department").asString();
        JsonNode own = hotSpots(Map.of("sub", "d-1", "department", department), Map.of("from", "2011-03-01", "to", "2011-03-31"));
        assertThat(own.findValuesAsString("department")).isNotEmpty().allMatch(department::equals);
        JsonNode other = hotSpots(Map.of("sub", "d-2", "department", "不存在的部门"), Map.of("from", "2011-03-01", "to", "2011-03-31"));
        assertThat(other).isEmpty();
        // a period holding one ticket of the cluster has no hot spot from it
        assertThat(hotSpots(DISPATCH, Map.of("from", "2011-03-09", "to", "2011-03-09")).findValuesAsString("externalId"))
                .doesNotContain(run + "-3");

        // importing the same rows again files nothing and adds no member
        call("POST", "/v1/staff/requests/import", DISPATCH, Map.of(), json.writeValueAsString(rows));
        JsonNode again = hotSpots(DISPATCH, Map.of("from", "2011-03-01", "to", "2011-03-31", "limit", "1"));
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("reports").asInt()).isEqualTo(3);
    }

    @Test
    void requestsFiledAtTheIntakeJoinTheHotSpotOfTheirPlaceAndProblem() {
        String road = "银杏" + (char) ('甲' + (int) (Math.random() * 9)) + "路";
        PhoneNumber caller = PhoneNumber.parse("13900001111").orElseThrow();
        PhoneNumber other = PhoneNumber.parse("13900002222").orElseThrow();
        filing.file(new NewRequest(road + "18号门口的路灯坏了一个星期，晚上一片漆黑", caller,
                new Location(road + "18号", null, null, null), "phone", null, false));
        filing.file(new NewRequest(road + "18号附近路灯不亮好多天了，走夜路很危险", caller,
                new Location(road + "18号", null, null, null), "chatbot", null, false));
        filing.file(new NewRequest(road + "的路灯坏了，18号门口晚上黑漆漆的", other,
                new Location(road + "20号", null, null, null), "phone", null, false));

        JsonNode hot = hotSpots(DISPATCH, Map.of());
        JsonNode lamp = null;
        for (JsonNode h : hot) {
            if (h.get("place").asString().contains(road)) {
                lamp = h;
            }
        }
        assertThat(lamp).as("a hot spot on " + road + " in " + hot).isNotNull();
        assertThat(lamp.get("reports").asInt()).isEqualTo(3);
        assertThat(lamp.get("reporters").asInt()).as("one caller who called twice is one reporter").isEqualTo(2);
        assertThat(lamp.get("name").asString()).contains("路灯");
        assertThat(lamp.get("members").findValuesAsString("trackingNumber")).allMatch(n -> n.startsWith("BM120615"));
    }

    @Test
    void aBadPeriodOrLimitIsRefusedAndStaffOnly() {
        assertThat(call("GET", "/v1/staff/hotspots", DISPATCH, Map.of("from", "2011-04-01", "to", "2011-03-01"), "").status())
                .isEqualTo(400);
        assertThat(call("GET", "/v1/staff/hotspots", DISPATCH, Map.of("from", "2010-01-01", "to", "2011-03-01"), "").body())
                .contains("INVALID_DATE_RANGE");
        assertThat(call("GET", "/v1/staff/hotspots", DISPATCH, Map.of("from", "yesterday"), "").status()).isEqualTo(400);
        assertThat(call("GET", "/v1/staff/hotspots", DISPATCH, Map.of("limit", "0"), "").body()).contains("INVALID_LIMIT");
        assertThat(call("GET", "/v1/staff/hotspots", Map.of(), Map.of(), "").status()).isIn(401, 403);
    }
}
