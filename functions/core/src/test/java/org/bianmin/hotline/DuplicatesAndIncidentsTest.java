package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bianmin.hotline.application.DuplicateCheck;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoIncidentListing;
import org.bianmin.hotline.infrastructure.DynamoIncidentStore;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Incident;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.similarity.CheckingDuplicatesAtIntake;
import org.bianmin.hotline.similarity.FindingSimilarTickets;
import org.bianmin.hotline.similarity.FollowingSimilarRequest;
import org.bianmin.hotline.web.FollowRequestRoute;
import org.bianmin.hotline.web.SimilarRequestsRoute;
import org.bianmin.hotline.web.StaffIncidentRoutes;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.RateLimiter;
import org.bianmin.observability.Metrics;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's duplicates end to end on dynalite: the intake's similarity check kept with the ticket, the citizen's
 * preview and follow, and incidents whose members follow one status through the lifecycle.
 */
class DuplicatesAndIncidentsTest {

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
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final FindingSimilarTickets similar = new FindingSimilarTickets(tickets, Knowledge.ANALYZER);
    private static final FilingRequest filing = filing(new CheckingDuplicatesAtIntake(similar));
    private static final LinkingDuplicates linking =
            new LinkingDuplicates(tickets, incidents, Taxonomy.loadDefault(), Clock.systemUTC());
    private static final FollowingSimilarRequest following = new FollowingSimilarRequest(filing, similar, linking);
    private static final TransitioningTicket transitions =
            new TransitioningTicket(tickets, Clock.systemUTC(), notification -> { }, Taxonomy.loadDefault(), incidents);

    private final HttpApi api = new HttpApi(List.of(
            new StaffTransitionRoute(transitions),
            new SimilarRequestsRoute(following, new RateLimiter(1000, Duration.ofMinutes(1), Clock.systemUTC())),
            new FollowRequestRoute(following, new DynamoIdempotency(DynamoDbTestServer.client(),
                    DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC()))));
    private final HttpApi incidentApi = new HttpApi(new StaffIncidentRoutes(linking,
            new DynamoIncidentListing(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX)).routes());

    private static FilingRequest filing(DuplicateCheck check) {
        return new FilingRequest(() -> classifier, GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()),
                tickets, new PhoneProtector(KEY, KEY), Clock.systemUTC(), Metrics.none(), check);
    }

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

    private static List<String> streetlights(String road, int n) {
        // no other run of characters ending in 路 (走路, 晚上路灯): the place heuristics would take it for a road
        List<String> texts = List.of(
                road + "的路灯坏了一个星期了，晚上一片漆黑，老人出门很不安全",
                road + "路灯不亮好几天了，天黑以后漆黑一片，希望尽快修好",
                road + "路灯坏了没人修，天黑以后漆黑一片，什么时候能修好",
                road + "这几天，路灯一直不亮，晚上出门很黑，请尽快维修");
        return texts.subList(0, n);
    }

    private HttpResponse call(HttpApi target, String method, String path, Map<String, String> claims, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return target.handle(new HttpRequest(method, path, headers, Map.of(), body == null ? "" : body, "t", Map.of()));
    }

    private HttpResponse act(String number, Map<String, String> claims, String body) {
        return call(api, "POST", "/v1/staff/requests/" + number + "/transitions", claims, body);
    }

    private static JsonNode body(HttpResponse response) {
        return json.readTree(response.body());
    }

    private static void assertError(HttpResponse response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(body(response).get("error").get("code").stringValue()).isEqualTo(code);
    }

    @Test
    void theIntakeKeepsTheLikelyDuplicatesWithTheTicketAndStaffSeeThem() {
        String road = freshRoad();
        List<String> texts = streetlights(road, 2);
        String first = file(texts.get(0));
        String second = file(texts.get(1));

        assertThat(tickets.find(first).orElseThrow().likelyDuplicates()).isEmpty();
        assertThat(tickets.find(second).orElseThrow().likelyDuplicates()).containsExactly(first);
        HttpResponse view = act(second, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(body(view).get("duplicateSuspected").booleanValue()).isTrue();
        assertThat(body(view).get("likelyDuplicates").get(0).stringValue()).isEqualTo(first);
        // same place, another problem: not a duplicate
        String other = file(road + "有人在人行道上乱停电动车，堵住了盲道");
        assertThat(tickets.find(other).orElseThrow().likelyDuplicates()).doesNotContain(first, second);
    }

    @Test
    void aFailingSimilarityCheckNeverLosesTheRequest() {
        FilingRequest failing = filing(draft -> {
            throw new IllegalStateException("index unavailable");
        });
        IntakeReceipt receipt = failing.file(new NewRequest(freshRoad() + "路灯坏了三天了", PhoneNumber.parse("13812345678")
                .orElseThrow(), null, "phone", null));
        Ticket stored = tickets.find(receipt.trackingNumber()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TicketStatus.RECEIVED);
        assertThat(stored.likelyDuplicates()).isEmpty();
    }

    @Test
    void theCitizenPreviewShowsOpenSimilarRequestsWithTheirPublicStatusOnly() {
        String road = freshRoad();
        String open = file(streetlights(road, 1).get(0) + "。我是王建国，电话13912345678");
        String resolved = file(road + "路灯坏了，晚上很黑，路灯需要修理。我叫李秀英");
        act(resolved, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        act(resolved, CITY_STAFF, "{\"action\":\"accept\"}");
        act(resolved, CITY_STAFF, "{\"action\":\"resolve\",\"note\":\"已修复\"}");

        HttpResponse preview = call(api, "POST", "/v1/requests/similar", Map.of(),
                "{\"text\":\"" + streetlights(road, 2).get(1) + "\"}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode found = body(preview);
        assertThat(found.get("notice").stringValue()).isEqualTo("附近已有类似诉求正在办理");
        assertThat(found.get("similar")).hasSize(1);
        JsonNode first = found.get("similar").get(0);
        assertThat(first.get("trackingNumber").stringValue()).isEqualTo(open);
        assertThat(first.get("statusLabel").stringValue()).isEqualTo("已受理");
        assertThat(first.get("sharedPlaces").toString()).contains(road);
        // nothing of the other citizens: no phone, no name, no words of theirs
        assertThat(preview.body()).doesNotContain("13912345678", "王建国", "李秀英", "老人出门", "phone", "text");

        HttpResponse nothing = call(api, "POST", "/v1/requests/similar", Map.of(), "{\"text\":\"" + freshRoad() + "路灯坏了\"}");
        assertThat(body(nothing).get("count").intValue()).isZero();
        assertThat(body(nothing).get("notice").isNull()).isTrue();
        assertError(call(api, "POST", "/v1/requests/similar", Map.of(), "{\"text\":\"短\"}"), 400, "TEXT_LENGTH");
    }

    @Test
    void aCitizenFollowsAnOpenRequestWithTheirOwnTicketInItsIncident() {
        String road = freshRoad();
        List<String> texts = streetlights(road, 3);
        String followed = file(texts.get(0));
        String intake = "{\"text\":\"" + texts.get(1) + "\",\"phone\":\"13700001111\",\"channel\":\"chatbot\"}";
        HttpResponse response = api.handle(new HttpRequest("POST", "/v1/requests/" + followed + "/follow",
                Map.of("content-type", "application/json", "idempotency-key", "follow-" + UUID.randomUUID()), Map.of(),
                intake, "t", Map.of()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = body(response);
        String own = receipt.get("trackingNumber").stringValue();
        String incidentId = receipt.get("incidentId").stringValue();
        assertThat(own).isNotEqualTo(followed);
        assertThat(receipt.get("verificationCode").stringValue()).matches("\\d{6}");
        assertThat(tickets.find(own).orElseThrow().incidentId()).isEqualTo(incidentId);
        assertThat(tickets.find(followed).orElseThrow().incidentId()).isEqualTo(incidentId);
        assertThat(incidents.find(incidentId).orElseThrow().members()).containsExactly(followed, own);
        assertThat(tickets.find(own).orElseThrow().events()).extracting(TicketEvent::action).containsExactly("RECEIVE", "LINK");

        // a third follower joins the same incident
        HttpResponse third = api.handle(new HttpRequest("POST", "/v1/requests/" + followed + "/follow",
                Map.of("content-type", "application/json", "idempotency-key", "follow-" + UUID.randomUUID()), Map.of(),
                "{\"text\":\"" + texts.get(2) + "\",\"phone\":\"13700002222\"}", "t", Map.of()));
        assertThat(body(third).get("incidentId").stringValue()).isEqualTo(incidentId);
        assertThat(incidents.find(incidentId).orElseThrow().members()).hasSize(3);

        // an unrelated ticket cannot be followed: nothing is filed
        String unrelated = file(freshRoad() + "有人在人行道上乱停电动车，堵住了盲道");
        HttpResponse refused = api.handle(new HttpRequest("POST", "/v1/requests/" + unrelated + "/follow",
                Map.of("content-type", "application/json", "idempotency-key", "follow-" + UUID.randomUUID()), Map.of(),
                intake, "t", Map.of()));
        assertError(refused, 409, "NOT_SIMILAR");
        assertThat(tickets.find(unrelated).orElseThrow().incidentId()).isNull();
    }

    @Test
    void everyMemberOfAnIncidentFollowsItThroughTheLifecycleAndEachReporterRatesTheirOwn() {
        String road = freshRoad();
        List<String> texts = streetlights(road, 3);
        String a = file(texts.get(0));
        String b = file(texts.get(1));
        String c = file(texts.get(2));
        String create = "{\"trackingNumbers\":[\"" + a + "\",\"" + b + "\",\"" + c + "\"],\"department\":\"" + CITY + "\"}";

        // refusals change nothing
        assertError(call(incidentApi, "POST", "/v1/staff/incidents", CITY_STAFF, create), 403, "FORBIDDEN");
        assertError(call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH,
                "{\"trackingNumbers\":[\"" + a + "\",\"BM000000000000\"]}"), 400, "UNKNOWN_TICKET");
        assertError(call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH,
                "{\"trackingNumbers\":[\"" + a + "\"]}"), 400, "INVALID_TRACKING_NUMBERS");
        assertError(call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH,
                "{\"trackingNumbers\":[\"" + a + "\",\"" + b + "\"],\"department\":\"没有的局\"}"), 400, "UNKNOWN_DEPARTMENT");
        assertThat(List.of(a, b, c)).allSatisfy(n -> assertThat(tickets.find(n).orElseThrow().incidentId()).isNull());

        HttpResponse created = call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH, create);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = body(created).get("incidentId").stringValue();
        assertThat(body(created).get("reporters").intValue()).isEqualTo(3);
        Incident incident = incidents.find(id).orElseThrow();
        assertThat(incident.department()).isEqualTo(CITY);
        assertThat(incident.dueAt()).isEqualTo(List.of(a, b, c).stream().map(n -> tickets.find(n).orElseThrow().dueAt())
                .min(java.util.Comparator.naturalOrder()).orElseThrow());
        assertError(call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH,
                "{\"trackingNumbers\":[\"" + a + "\",\"" + file(texts.get(0)) + "\"]}"), 409, "ALREADY_LINKED");

        // one action on any member moves them all
        assertThat(act(b, DISPATCH, "{\"action\":\"dispatch\",\"note\":\"同一路段路灯\"}").status()).isEqualTo(200);
        assertThat(act(c, CITY_STAFF, "{\"action\":\"accept\"}").status()).isEqualTo(200);
        HttpResponse resolved = act(a, CITY_STAFF, "{\"action\":\"resolve\",\"note\":\"已更换整段路灯\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(body(resolved).get("incidentId").stringValue()).isEqualTo(id);
        for (String n : List.of(a, b, c)) {
            Ticket t = tickets.find(n).orElseThrow();
            assertThat(t.status()).as(n).isEqualTo(TicketStatus.RESOLVED);
            assertThat(t.department()).isEqualTo(CITY);
            assertThat(t.events()).extracting(TicketEvent::action).containsExactly("RECEIVE", "LINK", "DISPATCH", "ACCEPT", "RESOLVE");
            assertThat(t.events().get(4).note()).contains("已更换整段路灯", id);
        }
        assertThat(incidents.find(id).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(incidents.find(id).orElseThrow().events()).extracting(TicketEvent::action)
                .containsExactly("CREATE", "DISPATCH", "ACCEPT", "RESOLVE");

        // the return visit is each reporter's own
        RatingTicket rating = new RatingTicket(tickets, Clock.systemUTC());
        rating.rate(tickets.find(a).orElseThrow(), 5, "很快", false);
        rating.rate(tickets.find(b).orElseThrow(), 2, "还有一盏不亮", true);
        assertThat(tickets.find(a).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.find(a).orElseThrow().rating()).isEqualTo(5);
        assertThat(tickets.find(b).orElseThrow().status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(tickets.find(c).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);

        // the incident view: members with their own statuses, a department sees its own incident, others do not
        HttpResponse view = call(incidentApi, "GET", "/v1/staff/incidents/" + id, CITY_STAFF, null);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(body(view).get("tickets")).hasSize(3);
        assertThat(body(view).get("tickets").get(0).get("rating").intValue()).isEqualTo(5);
        assertError(call(incidentApi, "GET", "/v1/staff/incidents/" + id, OTHER_STAFF, null), 404, "NOT_FOUND");
        assertError(call(incidentApi, "GET", "/v1/staff/incidents/INC000000000000", DISPATCH, null), 404, "NOT_FOUND");
    }

    @Test
    void anUnlinkedTicketIsHandledAloneAndTheTrailsSaySo() {
        String road = freshRoad();
        List<String> texts = streetlights(road, 3);
        String a = file(texts.get(0));
        String b = file(texts.get(1));
        String c = file(texts.get(2));
        HttpResponse created = call(incidentApi, "POST", "/v1/staff/incidents", DISPATCH,
                "{\"trackingNumbers\":[\"" + a + "\",\"" + b + "\"]}");
        String id = body(created).get("incidentId").stringValue();
        HttpResponse linked = call(incidentApi, "POST", "/v1/staff/incidents/" + id + "/tickets", DISPATCH,
                "{\"trackingNumbers\":[\"" + c + "\"],\"note\":\"同一问题\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(incidents.find(id).orElseThrow().members()).containsExactly(a, b, c);

        assertError(call(incidentApi, "DELETE", "/v1/staff/incidents/" + id + "/tickets/" + b, CITY_STAFF, null), 403, "FORBIDDEN");
        HttpResponse unlinked = call(incidentApi, "DELETE", "/v1/staff/incidents/" + id + "/tickets/" + b, DISPATCH, null);
        assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
        assertThat(incidents.find(id).orElseThrow().members()).containsExactly(a, c);
        assertThat(tickets.find(b).orElseThrow().incidentId()).isNull();
        assertThat(tickets.find(b).orElseThrow().events()).extracting(TicketEvent::action).containsExactly("RECEIVE", "LINK", "UNLINK");
        assertError(call(incidentApi, "DELETE", "/v1/staff/incidents/" + id + "/tickets/" + b, DISPATCH, null), 404, "NOT_A_MEMBER");

        act(a, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        assertThat(tickets.find(c).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(tickets.find(b).orElseThrow().status()).isEqualTo(TicketStatus.RECEIVED);
        assertThat(incidents.find(id).orElseThrow().events()).extracting(TicketEvent::action)
                .containsExactly("CREATE", "LINK", "UNLINK", "DISPATCH");
    }
}
