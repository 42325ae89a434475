package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bianmin.hotline.application.AddingTicketNote;
import org.bianmin.hotline.application.DeliveringDispatchNotification;
import org.bianmin.hotline.application.DispatchNotification;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.PublicTimeline;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.web.StaffCallerTicketsRoute;
import org.bianmin.hotline.web.StaffNoteRoute;
import org.bianmin.hotline.web.StaffQueueViewsRoute;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffSearchRoute;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent desk's API against dynalite: who may take which action (and that a refusal changes nothing), what a
 * department sees, search, sorting, the views and their counts, the caller's other tickets, internal notes kept
 * off the citizen's timeline, and an audit trail people can read.
 */
class AgentDeskApiTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final PhoneProtector phones = new PhoneProtector(KEY, KEY);
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final FilingRequest filing = new FilingRequest(
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER), GridRegistry.loadDefault(),
            new Deadlines(HolidayFile.loadDefault()), tickets, phones, Clock.systemUTC());

    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");
    private static final String CITY = "市城市管理局";
    private static final Map<String, String> CITY_STAFF = Map.of("sub", "cg-1", "department", CITY);
    private static final Map<String, String> OTHER_STAFF = Map.of("sub", "jt-1", "department", "市交通运输局");

    private final HttpApi api = api(Clock.systemUTC());

    private static HttpApi api(Clock clock) {
        return new HttpApi(List.of(new StaffRequestsRoute(tickets, phones, clock), new StaffSearchRoute(tickets, phones, clock),
                new StaffQueueViewsRoute(tickets, clock), new StaffCallerTicketsRoute(tickets),
                new StaffNoteRoute(new AddingTicketNote(tickets, clock)),
                new StaffTransitionRoute(new TransitioningTicket(tickets, clock))));
    }

    private static String file(String text, String phone) {
        return filing.file(new NewRequest(text, PhoneNumber.parse(phone).orElseThrow(), null, "chatbot", null)).trackingNumber();
    }

    private static String uniquePhone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    private static HttpResponse call(HttpApi api, String method, String path, Map<String, String> claims, Map<String, String> query,
                                     String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest(method, path, headers, query, body == null ? "" : body, "t", Map.of()));
    }

    private HttpResponse act(String number, Map<String, String> claims, String body) {
        return call(api, "POST", "/v1/staff/requests/" + number + "/transitions", claims, Map.of(), body);
    }

    private static JsonNode ok(HttpResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static void assertError(HttpResponse response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        String actual = body.has("code") ? body.get("code").stringValue() : body.get("error").get("code").stringValue();
        assertThat(actual).isEqualTo(code);
    }

    /** Every ticket of a search, following the pages (a text phrase filters what each page reads). */
    private static List<String> search(HttpApi api, Map<String, String> claims, String criteria) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(call(api, "POST", "/v1/staff/requests/search", claims, Map.of(),
                    "{" + criteria + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}"));
            found.addAll(numbers(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        return found;
    }

    private static List<String> numbers(JsonNode list) {
        List<String> numbers = new ArrayList<>();
        list.get("requests").forEach(r -> numbers.add(r.get("trackingNumber").stringValue()));
        return numbers;
    }

    private void dispatchToCity(String number) {
        ok(act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\",\"note\":\"分拨员内部说明：路灯归城管\"}"));
    }

    @Test
    void theDispatchCentreCannotTakeADepartmentsStepsAndARefusalChangesNothing() {
        String number = file("桂花路的路灯坏了一个星期了，晚上一片漆黑", uniquePhone());
        dispatchToCity(number);
        Ticket before = tickets.find(number).orElseThrow();
        for (String body : List.of("{\"action\":\"accept\"}", "{\"action\":\"reject\",\"note\":\"不归我们\"}",
                "{\"action\":\"resolve\"}", "{\"action\":\"start\"}")) {
            assertError(act(number, DISPATCH, body), 403, "FORBIDDEN");
        }
        Ticket after = tickets.find(number).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(after.events()).hasSameSizeAs(before.events());
        // the department does it, and may not do the centre's steps
        assertError(act(number, CITY_STAFF, "{\"action\":\"escalate\"}"), 403, "FORBIDDEN");
        ok(act(number, CITY_STAFF, "{\"action\":\"accept\"}"));
    }

    @Test
    void aDepartmentNeitherSeesNorActsOnTicketsStillWaitingForDispatch() {
        String number = file("桂花路的路灯坏了一个星期了，晚上一片漆黑，等待派单", uniquePhone());
        Ticket waiting = tickets.find(number).orElseThrow();
        assertThat(waiting.status()).isEqualTo(TicketStatus.RECEIVED);
        Map<String, String> own = Map.of("sub", "own-1", "department", waiting.department());

        assertThat(numbers(ok(call(api, "GET", "/v1/staff/requests", own, Map.of("limit", "200"), null)))).doesNotContain(number);
        assertThat(numbers(ok(call(api, "GET", "/v1/staff/requests", own, Map.of("q", number), null)))).isEmpty();
        assertError(call(api, "GET", "/v1/staff/requests", own, Map.of("status", "RECEIVED"), null), 403, "FORBIDDEN");
        assertError(call(api, "GET", "/v1/staff/requests", own, Map.of("view", "awaiting-dispatch"), null), 403, "FORBIDDEN");
        assertError(act(number, own, "{\"action\":\"accept\"}"), 403, "FORBIDDEN");
        assertError(call(api, "POST", "/v1/staff/requests/" + number + "/notes", own, Map.of(),
                "{\"text\":\"看一下\",\"visibility\":\"internal\"}"), 403, "FORBIDDEN");
        assertThat(tickets.find(number).orElseThrow().version()).isEqualTo(waiting.version());
        assertThat(numbers(ok(call(api, "GET", "/v1/staff/requests", DISPATCH, Map.of("view", "awaiting-dispatch", "limit", "200"),
                null)))).contains(number);
    }

    @Test
    void theCitizenTimelineShowsOnlyWhatWasWrittenForTheCitizen() {
        String number = file("桂花路的路灯坏了一个星期了，晚上一片漆黑，请尽快修", uniquePhone());
        dispatchToCity(number);
        new DeliveringDispatchNotification(tickets, Clock.systemUTC()).deliver(new DispatchNotification(number, "DISPATCH", CITY,
                null, "路灯", "NORMAL", Instant.now().toString(), Instant.now().toString()));
        ok(act(number, CITY_STAFF, "{\"action\":\"accept\"}"));
        JsonNode noted = ok(call(api, "POST", "/v1/staff/requests/" + number + "/notes", CITY_STAFF, Map.of(),
                "{\"text\":\"内部：施工队明天到场，先别告诉市民\",\"visibility\":\"internal\"}"));
        assertThat(noted.get("status").stringValue()).isEqualTo("ACCEPTED");
        ok(call(api, "POST", "/v1/staff/requests/" + number + "/notes", CITY_STAFF, Map.of(),
                "{\"text\":\"您好，维修人员将于明天上午到场。\",\"visibility\":\"public\"}"));
        assertError(call(api, "POST", "/v1/staff/requests/" + number + "/notes", CITY_STAFF, Map.of(),
                "{\"text\":\"x\",\"visibility\":\"everyone\"}"), 400, "INVALID_VISIBILITY");
        assertError(call(api, "POST", "/v1/staff/requests/" + number + "/notes", CITY_STAFF, Map.of(),
                "{\"text\":\" \",\"visibility\":\"internal\"}"), 400, "NOTE_REQUIRED");

        Ticket ticket = tickets.find(number).orElseThrow();
        String citizen = PublicTimeline.of(ticket).toString();
        assertThat(citizen).contains("您好，维修人员将于明天上午到场。")
                .doesNotContain("自动分类", "分拨员内部说明", "施工队明天到场", "已通知");
        assertThat(PublicTimeline.of(ticket)).extracting(PublicTimeline.Entry::status)
                .containsExactly(TicketStatus.RECEIVED, TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.ACCEPTED);

        // staff read the whole trail, with readable actors, the notes tagged, and the delivery folded into its dispatch
        JsonNode history = ok(call(api, "GET", "/v1/staff/requests", CITY_STAFF, Map.of("q", number), null))
                .get("requests").get(0).get("history");
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").stringValue()));
        assertThat(actions).containsExactly("RECEIVE", "DISPATCH", "ACCEPT", "NOTE", "REPLY");
        assertThat(history.get(0).get("actorName").stringValue()).isEqualTo("市民（智能客服）");
        assertThat(history.get(1).get("actorName").stringValue()).isEqualTo("12345热线分拨中心");
        assertThat(history.get(1).get("delivery").stringValue()).startsWith("已通知" + CITY);
        assertThat(history.get(2).get("actorName").stringValue()).isEqualTo(CITY);
        assertThat(history.get(3).get("internal").booleanValue()).isTrue();
        assertThat(history.get(4).get("internal").booleanValue()).isFalse();
        assertThat(history.get(1).get("internal").booleanValue()).isTrue();
    }

    @Test
    void searchFindsByTrackingNumberPhoneHashAndTextAndKeepsPhonesOutOfUrls() {
        String phone = uniquePhone();
        String marker = "搜索标记" + UUID.randomUUID().toString().substring(0, 6);
        String first = file("桂花路的路灯坏了，" + marker + "，晚上一片漆黑", phone);
        String second = file("小区门口的下水道堵了，污水漫到人行道上", phone);

        assertThat(numbers(ok(call(api, "GET", "/v1/staff/requests", DISPATCH, Map.of("q", first.toLowerCase()), null))))
                .containsExactly(first);
        assertThat(numbers(ok(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(),
                "{\"q\":\"" + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7) + "\"}"))))
                .containsExactly(second, first);
        assertError(call(api, "GET", "/v1/staff/requests", DISPATCH, Map.of("q", phone), null), 400, "PHONE_IN_URL");
        assertThat(search(api, DISPATCH, "\"q\":\"" + marker + "\",\"view\":\"awaiting-dispatch\"")).containsExactly(first);
        assertThat(search(api, DISPATCH, "\"q\":\"" + marker + "\",\"view\":\"escalated\"")).isEmpty();
        assertError(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(), "{\"sort\":\"random\"}"), 400, "INVALID_SORT");
        assertError(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(), "{\"view\":\"mine\"}"), 400, "INVALID_VIEW");
        assertError(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(), "{\"limit\":0}"), 400, "INVALID_LIMIT");

        // the caller's other tickets, by the keyed phone hash; a department sees only those it may see
        JsonNode caller = ok(call(api, "GET", "/v1/staff/requests/" + first + "/caller-tickets", DISPATCH, Map.of(), null));
        assertThat(numbers(caller)).containsExactly(second);
        dispatchToCity(first);
        JsonNode seenByCity = ok(call(api, "GET", "/v1/staff/requests/" + first + "/caller-tickets", CITY_STAFF, Map.of(), null));
        assertThat(numbers(seenByCity)).isEmpty();
        assertThat(seenByCity.get("hidden").intValue()).isEqualTo(1);
        assertError(call(api, "GET", "/v1/staff/requests/" + first + "/caller-tickets", OTHER_STAFF, Map.of(), null), 403, "FORBIDDEN");
    }

    @Test
    void dueAndPrioritySortingPutTheMostPressingFirst() {
        String marker = "排序标记" + UUID.randomUUID().toString().substring(0, 6);
        String normal = file("桂花路的路灯坏了，" + marker, uniquePhone());
        String urgent = filing.file(new NewRequest("楼道里有烟味，可能着火了，" + marker, PhoneNumber.parse(uniquePhone()).orElseThrow(),
                null, "chatbot", null, true)).trackingNumber();
        assertThat(tickets.find(urgent).orElseThrow().dueAt()).isBefore(tickets.find(normal).orElseThrow().dueAt());

        for (String sort : List.of("due", "priority")) {
            assertThat(search(api, DISPATCH, "\"q\":\"" + marker + "\",\"sort\":\"" + sort + "\"")).as(sort)
                    .containsExactly(urgent, normal);
        }
        assertThat(search(api, DISPATCH, "\"q\":\"" + marker + "\",\"sort\":\"created\"")).containsExactly(urgent, normal);
        // every open ticket in deadline order, over all the pages
        List<Instant> due = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(call(api, "POST", "/v1/staff/requests/search", DISPATCH, Map.of(),
                    "{\"sort\":\"due\",\"limit\":7" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}"));
            page.get("requests").forEach(r -> due.add(Instant.parse(r.get("dueAt").stringValue())));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        assertThat(due).isSorted().hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void viewsAreCountedByIndexQueriesAndATimedViewPagesTheSameWindow() {
        Map<String, Long> before = counts(api, DISPATCH);
        String number = file("桂花路的路灯坏了一个星期了，晚上一片漆黑，计数", uniquePhone());
        Map<String, Long> after = counts(api, DISPATCH);
        assertThat(after.get("awaiting-dispatch")).isEqualTo(before.get("awaiting-dispatch") + 1);
        assertThat(after).containsKey("duplicates");
        assertThat(counts(api, CITY_STAFF)).containsOnlyKeys("awaiting-acceptance", "due-soon", "overdue", "escalated",
                "duplicates");
        assertError(call(api, "GET", "/v1/staff/requests/views", CITY_STAFF, Map.of("department", "市交通运输局"), null),
                403, "FORBIDDEN");

        // thirty days on, every open ticket is overdue: the view lists it, the count holds it, the pages stay in one window
        HttpApi later = api(Clock.offset(Clock.systemUTC(), Duration.ofDays(30)));
        Map<String, Long> late = counts(later, DISPATCH);
        assertThat(late.get("overdue")).isPositive();
        assertThat(search(api, DISPATCH, "\"view\":\"overdue\",\"q\":\"计数\"")).doesNotContain(number);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("view", "overdue", "limit", "3"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = ok(call(later, "GET", "/v1/staff/requests", DISPATCH, query, null));
            seen.addAll(numbers(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().contains(number).hasSize((int) (long) late.get("overdue"));
        assertError(call(later, "GET", "/v1/staff/requests", DISPATCH, Map.of("view", "overdue", "cursor", "12~garbage"), null),
                400, "INVALID_CURSOR");
    }

    private static Map<String, Long> counts(HttpApi api, Map<String, String> claims) {
        Map<String, Long> counts = new HashMap<>();
        ok(call(api, "GET", "/v1/staff/requests/views", claims, Map.of(), null)).get("views")
                .forEach(v -> counts.put(v.get("view").stringValue(), v.get("count").longValue()));
        return counts;
    }
}
