package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.EscalatingOverdueTickets;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.IntakeReceipt;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.infrastructure.DynamoTicketStatistics;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.web.RatingRoute;
import org.bianmin.hotline.web.StaffStatsRoute;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.infrastructure.DynamoCodeAttempts;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The return visit (rating, reopening), the scheduled SLA run and the statistics, on dynalite. */
class ReturnVisitAndSlaTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final StaffMember DISPATCH = new StaffMember("dispatcher-1", null, true);
    private static final String CITY = "市城市管理局";
    private static final StaffMember CITY_STAFF = new StaffMember("cg-1", CITY, false);

    private final HttpApi api = new HttpApi(List.of(
            new RatingRoute(tickets, new RateLimiter(100, Duration.ofMinutes(1), Clock.systemUTC()),
                    new TrackingCodeLockout(new DynamoCodeAttempts(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
                            Clock.systemUTC()),
                    new RatingTicket(tickets, Clock.systemUTC())),
            new StaffStatsRoute(new DynamoTicketStatistics(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
                    Clock.systemUTC())));

    private static IntakeReceipt fileAt(Clock clock) {
        return new FilingRequest(classifier, GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()),
                tickets, new PhoneProtector(KEY, KEY), clock)
                .file(new NewRequest("桂花路的路灯坏了一个星期了，晚上一片漆黑", PhoneNumber.parse("13812345678").orElseThrow(),
                        null, "phone", null));
    }

    private static void resolve(String number, Clock clock) {
        TransitioningTicket transitions = new TransitioningTicket(tickets, clock);
        transitions.transition(number, TicketAction.DISPATCH, null, CITY, DISPATCH);
        transitions.transition(number, TicketAction.ACCEPT, null, null, CITY_STAFF);
        transitions.transition(number, TicketAction.RESOLVE, "已修复", null, CITY_STAFF);
    }

    private HttpResponse rate(IntakeReceipt receipt, String body) {
        return api.handle(new HttpRequest("POST", "/v1/requests/" + receipt.trackingNumber() + "/rating",
                Map.of("content-type", "application/json", HttpRequest.SOURCE_IP, "203.0.113.5"), Map.of(),
                body.replace("CODE", receipt.verificationCode()), "t", Map.of()));
    }

    @Test
    void aSatisfiedCitizenClosesTheTicketAndAnUnsatisfiedOneReopensIt() {
        IntakeReceipt happy = fileAt(Clock.systemUTC());
        assertThat(rate(happy, "{\"code\":\"CODE\",\"rating\":5}").status()).as("not resolved yet").isEqualTo(409);
        resolve(happy.trackingNumber(), Clock.systemUTC());
        assertThat(rate(happy, "{\"code\":\"CODE\",\"rating\":9}").status()).isEqualTo(400);
        assertThat(rate(happy, "{\"code\":\"000000x\",\"rating\":5}").status()).isEqualTo(404);
        HttpResponse closed = rate(happy, "{\"code\":\"CODE\",\"rating\":5,\"comment\":\"修得很快\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(tickets.find(happy.trackingNumber()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.find(happy.trackingNumber()).orElseThrow().rating()).isEqualTo(5);

        IntakeReceipt unhappy = fileAt(Clock.systemUTC());
        resolve(unhappy.trackingNumber(), Clock.systemUTC());
        assertThat(rate(unhappy, "{\"code\":\"CODE\",\"rating\":1,\"reopen\":true,\"comment\":\"灯还是不亮\"}").status()).isEqualTo(200);
        var reopened = tickets.find(unhappy.trackingNumber()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
        assertThat(reopened.events().get(reopened.events().size() - 1).note()).contains("灯还是不亮");
    }

    @Test
    void theSlaRunEscalatesOverdueTicketsAndClosesUnratedOnes() {
        Clock tenDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), ZoneOffset.UTC);
        IntakeReceipt late = fileAt(tenDaysAgo);
        new TransitioningTicket(tickets, tenDaysAgo).transition(late.trackingNumber(), TicketAction.DISPATCH, null, CITY, DISPATCH);
        IntakeReceipt unrated = fileAt(tenDaysAgo);
        resolve(unrated.trackingNumber(), tenDaysAgo);
        IntakeReceipt fresh = fileAt(Clock.systemUTC());
        new TransitioningTicket(tickets, Clock.systemUTC()).transition(fresh.trackingNumber(), TicketAction.DISPATCH, null, CITY, DISPATCH);

        Map<String, Integer> summary = new EscalatingOverdueTickets(tickets, new TransitioningTicket(tickets, Clock.systemUTC()),
                Clock.systemUTC(), Duration.ofDays(7)).run();

        assertThat(tickets.find(late.trackingNumber()).orElseThrow().status()).isEqualTo(TicketStatus.ESCALATED);
        assertThat(tickets.find(late.trackingNumber()).orElseThrow().events().get(2).actor()).isEqualTo("sla-scheduler");
        assertThat(tickets.find(unrated.trackingNumber()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.find(fresh.trackingNumber()).orElseThrow().status()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(summary.get("escalated")).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("autoClosed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void statisticsCountByStatusAndDepartmentWithOnTimeRateAndSatisfaction() {
        IntakeReceipt receipt = fileAt(Clock.systemUTC());
        resolve(receipt.trackingNumber(), Clock.systemUTC());
        rate(receipt, "{\"code\":\"CODE\",\"rating\":4}");

        Map<String, String> headers = new HashMap<>();
        headers.put(HttpRequest.CLAIM_PREFIX + "sub", "cg-1");
        headers.put(HttpRequest.CLAIM_PREFIX + "department", CITY);
        HttpResponse response = api.handle(new HttpRequest("GET", "/v1/staff/stats", headers, Map.of(), "", "t", Map.of()));
        assertThat(response.status()).isEqualTo(200);
        JsonNode stats = json.readTree(response.body());
        assertThat(stats.get("department").asString()).isEqualTo(CITY);
        assertThat(stats.get("byDepartment").findValuesAsString("name")).containsOnly(CITY);
        JsonNode summary = stats.get("summary");
        assertThat(summary.get("closed").intValue()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("onTimeClosureRate").doubleValue()).isBetween(0.0, 1.0);
        assertThat(summary.get("averageSatisfaction").doubleValue()).isBetween(1.0, 5.0);
        assertThat(api.handle(new HttpRequest("GET", "/v1/staff/stats", Map.of(), Map.of(), "", "t", Map.of())).status())
                .isEqualTo(401);
    }
}
