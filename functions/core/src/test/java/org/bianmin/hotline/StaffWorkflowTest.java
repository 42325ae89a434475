package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ticket lifecycle through the staff routes, with tickets in dynalite. */
class StaffWorkflowTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final FilingRequest filing = new FilingRequest(
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER), GridRegistry.loadDefault(),
            new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(KEY, KEY), Clock.systemUTC());
    private final HttpApi api = new HttpApi(List.of(new StaffRequestsRoute(tickets),
            new StaffTransitionRoute(new TransitioningTicket(tickets, Clock.systemUTC()))));

    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");
    private static final String CITY = "市城市管理局";
    private static final Map<String, String> CITY_STAFF = Map.of("sub", "cg-1", "department", CITY);
    private static final Map<String, String> OTHER_STAFF = Map.of("sub", "jt-1", "department", "市交通运输局");

    private String file() {
        return filing.file(new NewRequest("桂花路的路灯坏了一个星期了，晚上一片漆黑", PhoneNumber.parse("13812345678").orElseThrow(),
                null, "phone", null)).trackingNumber();
    }

    private HttpResponse act(String number, Map<String, String> claims, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest("POST", "/v1/staff/requests/" + number + "/transitions", headers, Map.of(),
                body, "t", Map.of()));
    }

    private HttpResponse queue(Map<String, String> claims, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest("GET", "/v1/staff/requests", headers, query, "", "t", Map.of()));
    }

    @Test
    void theLifecycleTableAllowsOnlyTheDocumentedTransitions() {
        assertThat(TicketLifecycle.next(TicketStatus.RECEIVED, TicketAction.DISPATCH)).hasValue(TicketStatus.DISPATCHED);
        assertThat(TicketLifecycle.next(TicketStatus.RECEIVED, TicketAction.RESOLVE)).isEmpty();
        assertThat(TicketLifecycle.next(TicketStatus.REJECTED, TicketAction.DISPATCH)).hasValue(TicketStatus.DISPATCHED);
        assertThat(TicketLifecycle.next(TicketStatus.CLOSED, TicketAction.REOPEN)).hasValue(TicketStatus.REOPENED);
        assertThat(TicketLifecycle.next(TicketStatus.CLOSED, TicketAction.ACCEPT)).isEmpty();
        assertThat(TicketLifecycle.departmentMay(TicketAction.DISPATCH)).isFalse();
        assertThat(TicketLifecycle.departmentMay(TicketAction.REJECT)).isTrue();
    }

    @Test
    void aTicketGoesFromDispatchToClosureWithAnAuditTrail() {
        String number = file();
        assertThat(act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\",\"note\":\"路灯归城管\"}").status()).isEqualTo(200);
        assertThat(act(number, CITY_STAFF, "{\"action\":\"accept\"}").status()).isEqualTo(200);
        assertThat(act(number, CITY_STAFF, "{\"action\":\"start\"}").status()).isEqualTo(200);
        assertError(act(number, CITY_STAFF, "{\"action\":\"resolve\"}"), 400, "NOTE_REQUIRED");
        HttpResponse resolved = act(number, CITY_STAFF, "{\"action\":\"resolve\",\"note\":\"已更换灯泡\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(json.readTree(resolved.body()).get("status").stringValue()).isEqualTo("RESOLVED");
        assertThat(act(number, DISPATCH, "{\"action\":\"close\"}").status()).isEqualTo(200);

        Ticket closed = tickets.find(number).orElseThrow();
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.events()).extracting(e -> e.action())
                .containsExactly("RECEIVE", "DISPATCH", "ACCEPT", "START", "RESOLVE", "CLOSE");
        assertThat(closed.events().get(4).note()).isEqualTo("已更换灯泡");
        assertThat(closed.events().get(2).actor()).isEqualTo("cg-1");
        assertError(act(number, CITY_STAFF, "{\"action\":\"start\"}"), 409, "ILLEGAL_TRANSITION");
    }

    @Test
    void aRejectedTicketGoesBackToDispatch() {
        String number = file();
        act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        assertError(act(number, CITY_STAFF, "{\"action\":\"reject\"}"), 400, "NOTE_REQUIRED");
        assertThat(act(number, CITY_STAFF, "{\"action\":\"reject\",\"note\":\"属于供电公司管辖\"}").status()).isEqualTo(200);
        assertThat(act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"供电公司\"}").status()).isEqualTo(200);
        assertThat(tickets.find(number).orElseThrow().department()).isEqualTo("供电公司");
        assertError(act(number, CITY_STAFF, "{\"action\":\"accept\"}"), 403, "FORBIDDEN");
    }

    @Test
    void aDispatchToADepartmentThatDoesNotExistIsA400ListingTheDepartmentsAndChangesNothing() {
        String number = file();
        Ticket before = tickets.find(number).orElseThrow();
        HttpResponse refused = act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"市魔法管理局\"}");
        assertError(refused, 400, "UNKNOWN_DEPARTMENT");
        String message = json.readTree(refused.body()).get("error").get("message").stringValue();
        assertThat(message).contains("市魔法管理局", CITY, "供电公司", FilingRequest.TRIAGE_DEPARTMENT);
        Ticket after = tickets.find(number).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.department()).isEqualTo(before.department());
        assertThat(after.events()).hasSameSizeAs(before.events());

        // a real department, written with stray spaces, is the department
        assertThat(act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\" " + CITY + " \"}").status()).isEqualTo(200);
        assertThat(tickets.find(number).orElseThrow().department()).isEqualTo(CITY);
    }

    @Test
    void departmentsSeeAndActOnlyOnTheirOwnTickets() {
        String number = file();
        act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        assertError(act(number, OTHER_STAFF, "{\"action\":\"accept\"}"), 403, "FORBIDDEN");
        assertError(act(number, CITY_STAFF, "{\"action\":\"escalate\"}"), 403, "FORBIDDEN");
        assertError(act(number, Map.of(), "{\"action\":\"accept\"}"), 401, "UNAUTHENTICATED");

        JsonNode own = json.readTree(queue(CITY_STAFF, Map.of("status", "DISPATCHED")).body());
        assertThat(own.get("requests").findValuesAsString("department")).isNotEmpty().allMatch(CITY::equals);
        assertThat(own.get("requests").findValuesAsString("trackingNumber")).contains(number);
        assertError(queue(CITY_STAFF, Map.of("department", "市交通运输局")), 403, "FORBIDDEN");
        assertError(queue(Map.of(), Map.of()), 401, "UNAUTHENTICATED");
        assertThat(json.readTree(queue(OTHER_STAFF, Map.of("status", "DISPATCHED")).body())
                .get("requests").findValuesAsString("trackingNumber")).doesNotContain(number);
        assertThat(json.readTree(queue(DISPATCH, Map.of("status", "DISPATCHED")).body())
                .get("requests").findValuesAsString("trackingNumber")).contains(number);
        assertError(queue(DISPATCH, Map.of("status", "LOST")), 400, "INVALID_STATUS");
    }

    @Test
    void concurrentActionsNeverLoseOneAnother() throws Exception {
        String number = file();
        act(number, DISPATCH, "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse>> accepts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            accepts.add(pool.submit(() -> act(number, CITY_STAFF, "{\"action\":\"accept\"}")));
        }
        int ok = 0;
        int conflicts = 0;
        for (Future<HttpResponse> accept : accepts) {
            int status = accept.get().status();
            ok += status == 200 ? 1 : 0;
            conflicts += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(conflicts).isEqualTo(7);
        Ticket ticket = tickets.find(number).orElseThrow();
        assertThat(ticket.events()).extracting(e -> e.action()).containsExactly("RECEIVE", "DISPATCH", "ACCEPT");
        assertThat(ticket.version()).isEqualTo(3);
    }

    private static void assertError(HttpResponse response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("error").get("code").stringValue()).isEqualTo(code);
    }
}
