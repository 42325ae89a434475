package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoIncidentStore;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.similarity.CheckingDuplicatesAtIntake;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.web.StaffIncidentRoutes;
import org.bianmin.hotline.web.StaffQueueViewsRoute;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffSearchRoute;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.observability.Metrics;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's 重复件 view on dynalite: a request the intake finds a likely duplicate of lands in it with its count,
 * pages by cursor, is seen by the dispatch centre and by the department it reached (no other), and leaves it once a
 * dispatcher merges it into an incident (for good, even when taken out again) or it is finished.
 */
class DuplicatesViewTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final String CITY = "市城市管理局";
    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");
    private static final Map<String, String> CITY_STAFF = Map.of("sub", "cg-1", "department", CITY);
    private static final Map<String, String> OTHER_STAFF = Map.of("sub", "jt-1", "department", "市交通运输局");

    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final DynamoIncidentStore incidents =
            new DynamoIncidentStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final PhoneProtector phones = new PhoneProtector(KEY, KEY);
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final FilingRequest filing = new FilingRequest(() -> classifier, GridRegistry.loadDefault(),
            new Deadlines(HolidayFile.loadDefault()), tickets, phones, Clock.systemUTC(), Metrics.none(),
            new CheckingDuplicatesAtIntake(new FindingSimilarTickets(tickets, Knowledge.ANALYZER)));
    private static final LinkingDuplicates linking =
            new LinkingDuplicates(tickets, incidents, Taxonomy.loadDefault(), Clock.systemUTC());

    private final HttpApi api = new HttpApi(List.of(new StaffRequestsRoute(tickets, phones, Clock.systemUTC()),
            new StaffSearchRoute(tickets, phones, Clock.systemUTC()), new StaffQueueViewsRoute(tickets, Clock.systemUTC()),
            new StaffTransitionRoute(new TransitioningTicket(tickets, Clock.systemUTC(), n -> { }, Taxonomy.loadDefault(),
                    incidents))));
    private final HttpApi incidentApi = new HttpApi(new StaffIncidentRoutes(linking,
            new org.bianmin.hotline.infrastructure.DynamoIncidentListing(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX)).routes());

    /** A road name no other test uses, so that the duplicates found are this test's own. */
    private static String freshRoad() {
        String pool = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥梅兰竹菊松柏桃李杏枫桐榆柳槐桂枣栗杉橙柚琴棋书画诗词歌赋";
        Random random = new Random();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name + "路";
    }

    private static String file(String text) {
        return filing.file(new NewRequest(text, PhoneNumber.parse("13812345678").orElseThrow(), null, "phone", null))
                .trackingNumber();
    }

    private static HttpResponse call(HttpApi target, String method, String path, Map<String, String> claims,
                                     Map<String, String> query, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return target.handle(new HttpRequest(method, path, headers, query, body == null ? "" : body, "t", Map.of()));
    }

    private static JsonNode ok(HttpResponse response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    private long count(Map<String, String> claims) {
        for (JsonNode view : ok(call(api, "GET", "/v1/staff/requests/views", claims, Map.of(), null)).get("views")) {
            if (view.get("view").stringValue().equals("duplicates")) {
                assertThat(view.get("label").stringValue()).isEqualTo("重复件");
                return view.get("count").longValue();
            }
        }
        throw new AssertionError("no duplicates view offered");
    }

    /** The whole 重复件 view, page by page, {@code limit} at a time. */
    private List<String> listed(Map<String, String> claims, int limit) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("view", "duplicates", "limit", String.valueOf(limit)));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = ok(call(api, "GET", "/v1/staff/requests", claims, query, null));
            assertThat(page.get("requests").size()).isLessThanOrEqualTo(limit);
            page.get("requests").forEach(r -> {
                assertThat(r.get("duplicateSuspected").booleanValue()).isTrue();
                found.add(r.get("trackingNumber").stringValue());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
            pages++;
        } while (cursor != null && pages < 500);
        return found;
    }

    private void act(String number, Map<String, String> claims, String body) {
        ok(call(api, "POST", "/v1/staff/requests/" + number + "/transitions", claims, Map.of(), body));
    }

    @Test
    void aLikelyDuplicateWaitsInTheViewUntilItIsMergedAndEachDepartmentSeesOnlyItsOwn() {
        String road = freshRoad();
        long centreBefore = count(DISPATCH);
        long cityBefore = count(CITY_STAFF);
        long otherBefore = count(OTHER_STAFF);

        String first = file(road + "的路灯坏了一个星期了，晚上一片漆黑，老人出门很不安全");
        String second = file(road + "的路灯坏了一个星期了，晚上一片漆黑，老人出门非常不安全");
        assertThat(tickets.find(first).orElseThrow().likelyDuplicates()).isEmpty();
        assertThat(tickets.find(second).orElseThrow().likelyDuplicates()).containsExactly(first);

        // the dispatch centre: counted and listed (two at a time, so the cursor carries it over pages)
        assertThat(count(DISPATCH)).isEqualTo(centreBefore + 1);
        List<String> centre = listed(DISPATCH, 2);
        assertThat(centre).contains(second).doesNotContain(first).doesNotHaveDuplicates().hasSize((int) centreBefore + 1);
        // the view keeps its own order (newest first) whatever sort is asked
        assertThat(search("\"view\":\"duplicates\",\"q\":\"" + road + "\",\"sort\":\"due\"")).containsExactly(second);

        // a department sees it once it reached it, and only its own
        assertThat(count(CITY_STAFF)).isEqualTo(cityBefore);
        act(second, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        assertThat(count(CITY_STAFF)).isEqualTo(cityBefore + 1);
        assertThat(listed(CITY_STAFF, 50)).contains(second).hasSize((int) cityBefore + 1);
        assertThat(count(OTHER_STAFF)).isEqualTo(otherBefore);
        assertThat(listed(OTHER_STAFF, 50)).doesNotContain(second);
        assertThat(call(api, "GET", "/v1/staff/requests", OTHER_STAFF, Map.of("view", "duplicates", "department", CITY), null)
                .status()).isEqualTo(403);
        assertThat(count(DISPATCH)).isEqualTo(centreBefore + 1);

        // merged into an incident: handled, out of the view for everyone
        JsonNode incident = ok(call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH, Map.of(),
                "{\"trackingNumbers\":[\"" + first + "\",\"" + second + "\"],\"department\":\"" + CITY + "\"}"));
        String incidentId = incident.get("incidentId").stringValue();
        assertThat(count(DISPATCH)).isEqualTo(centreBefore);
        assertThat(count(CITY_STAFF)).isEqualTo(cityBefore);
        assertThat(listed(DISPATCH, 50)).doesNotContain(first, second);

        // taken out again, it is to be handled alone: the dispatcher's judgement stands, it does not come back
        ok(call(incidentApi, "DELETE", "/v1/staff/incidents/" + incidentId + "/tickets/" + second, DISPATCH, Map.of(), null));
        assertThat(tickets.find(second).orElseThrow().incidentId()).isNull();
        assertThat(count(DISPATCH)).isEqualTo(centreBefore);
        assertThat(listed(DISPATCH, 50)).doesNotContain(second);
    }

    @Test
    void aFinishedSuspectedDuplicateLeavesTheView() {
        String road = freshRoad();
        String first = file(road + "路灯不亮好几天了，天黑以后漆黑一片，希望尽快修好");
        String second = file(road + "路灯不亮好几天了，天黑以后漆黑一片，希望能尽快修好");
        assertThat(tickets.find(second).orElseThrow().likelyDuplicates()).contains(first);
        assertThat(search("\"view\":\"duplicates\",\"q\":\"" + road + "\"")).containsExactly(second);

        act(second, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        act(second, CITY_STAFF, "{\"action\":\"accept\"}");
        assertThat(search("\"view\":\"duplicates\",\"q\":\"" + road + "\"")).containsExactly(second);
        act(second, CITY_STAFF, "{\"action\":\"resolve\",\"note\":\"已修复\"}");
        assertThat(search("\"view\":\"duplicates\",\"q\":\"" + road + "\"")).isEmpty();
        // the flag itself stays on the ticket (its detail still lists the likely duplicates)
        assertThat(tickets.find(second).orElseThrow().likelyDuplicates()).contains(first);
    }

    /** Every ticket of a dispatch-centre search, following the pages. */
    private List<String> search(String criteria) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(),
                    "{" + criteria + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}"));
            page.get("requests").forEach(r -> found.add(r.get("trackingNumber").stringValue()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        return found;
    }
}
