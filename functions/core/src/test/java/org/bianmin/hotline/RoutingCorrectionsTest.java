package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.Leaf;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.RoutingSuggestion;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.training.HistoryFile;
import org.bianmin.hotline.web.StaffRoutingRoutes;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.HttpRoute;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dispatcher's correction kept beside the router's suggestion, and what the dispatch centre reads from it: the
 * routing quality and the corrections as training rows, through the real routes and dynalite. The tickets are filed
 * on days in 2019 that no other test uses, so the ranges hold only this test's tickets.
 */
class RoutingCorrectionsTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final Taxonomy taxonomy = Taxonomy.loadDefault();
    private static final RequestClassifier classifier =
            new RequestClassifier(taxonomy, Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-7", "role", "dispatch");
    private static final Map<String, String> DEPARTMENT_STAFF = Map.of("sub", "cg-7", "department", "市城市管理局");
    private static final String STREETLIGHT = "桂花路的路灯坏了一个星期了，晚上一片漆黑。我是附近的住户张先生，电话13905741234，"
            + "物业的李女士说报给王某某了，一直没人修。";

    private final HttpApi api;

    RoutingCorrectionsTest() {
        List<HttpRoute> routes = new java.util.ArrayList<>(new StaffRoutingRoutes(tickets,
                Clock.fixed(Instant.parse("2019-06-01T04:00:00Z"), ZoneOffset.UTC)).routes());
        routes.add(new StaffTransitionRoute(new TransitioningTicket(tickets, Clock.systemUTC(), n -> { }, taxonomy)));
        api = new HttpApi(routes);
    }

    private static String fileOn(String instant, String text) {
        return new FilingRequest(classifier, GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets,
                new PhoneProtector(KEY, KEY), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                .file(new NewRequest(text, PhoneNumber.parse("13812345678").orElseThrow(), null, "phone", null))
                .trackingNumber();
    }

    private HttpResponse call(String method, String path, Map<String, String> claims, Map<String, String> query, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest(method, path, headers, query, body, "t", Map.of()));
    }

    private HttpResponse dispatch(String number, String body) {
        return call("POST", "/v1/staff/requests/" + number + "/transitions", DISPATCH, Map.of(), body);
    }

    /** A leaf of another domain than the one the router suggested: the dispatcher's correction. */
    private static Leaf elsewhere(RoutingSuggestion suggestion) {
        return taxonomy.leaves().stream().filter(l -> !l.domain().label().equals(suggestion.domain())).findFirst().orElseThrow();
    }

    @Test
    void aCorrectedDispatchKeepsTheSuggestionBesideTheFinalRoutingAndSaysSoInTheAuditTrail() {
        String number = fileOn("2019-03-04T02:00:00Z", STREETLIGHT);
        Ticket filed = tickets.find(number).orElseThrow();
        RoutingSuggestion suggestion = filed.suggestion();
        assertThat(suggestion).isNotNull();
        assertThat(suggestion.domain()).isEqualTo(filed.domain());
        assertThat(suggestion.modelVersion()).isEqualTo(classifier.modelVersion());
        assertThat(suggestion.confidence()).isBetween(0.0, 1.0);

        Leaf other = elsewhere(suggestion);
        HttpResponse response = dispatch(number, "{\"action\":\"dispatch\",\"categoryCode\":\"" + other.code() + "\",\"note\":\"核实后改派\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode view = json.readTree(response.body());
        assertThat(view.get("corrected").booleanValue()).isTrue();
        assertThat(view.get("suggestion").get("domain").stringValue()).isEqualTo(suggestion.domain());
        assertThat(view.get("suggestion").get("modelVersion").stringValue()).isEqualTo(suggestion.modelVersion());

        Ticket routed = tickets.find(number).orElseThrow();
        assertThat(routed.suggestion()).as("the suggestion survives the correction").isEqualTo(suggestion);
        assertThat(routed.domain()).isEqualTo(other.domain().label());
        assertThat(routed.categoryCode()).isEqualTo(other.code());
        assertThat(routed.category()).isEqualTo(other.name());
        assertThat(routed.department()).as("the corrected category brings its department").isEqualTo(other.department());
        assertThat(routed.dueAt()).as("the citizen's deadline stays").isEqualTo(filed.dueAt());
        assertThat(routed.corrected()).isTrue();
        String note = routed.events().get(routed.events().size() - 1).note();
        assertThat(note).startsWith("核实后改派").contains("改分类：", suggestion.domain(), other.name(),
                "与自动分类建议不同", suggestion.modelVersion());
    }

    @Test
    void aDispatchToAnUnknownCategoryOrACategoryWithAnotherActionIsA400AndChangesNothing() {
        String number = fileOn("2019-03-05T02:00:00Z", STREETLIGHT);
        Ticket before = tickets.find(number).orElseThrow();
        HttpResponse unknown = dispatch(number, "{\"action\":\"dispatch\",\"categoryCode\":\"NO-SUCH-LEAF\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("code").stringValue()).isEqualTo("UNKNOWN_CATEGORY");
        dispatch(number, "{\"action\":\"dispatch\"}");
        HttpResponse notADispatch = call("POST", "/v1/staff/requests/" + number + "/transitions", DEPARTMENT_STAFF, Map.of(),
                "{\"action\":\"accept\",\"categoryCode\":\"" + elsewhere(before.suggestion()).code() + "\"}");
        assertThat(notADispatch.status()).isEqualTo(400);
        Ticket after = tickets.find(number).orElseThrow();
        assertThat(after.categoryCode()).isEqualTo(before.categoryCode());
        assertThat(after.events()).hasSize(2);
        assertThat(after.corrected()).as("dispatched where the router said").isFalse();
    }

    @Test
    void theQualityReportComparesSuggestionsWithTheDispatchersRoutingInTheRange() {
        String kept = fileOn("2019-05-10T02:00:00Z", STREETLIGHT);
        String moved = fileOn("2019-05-11T02:00:00Z", STREETLIGHT);
        String waiting = fileOn("2019-05-12T02:00:00Z", STREETLIGHT);
        String tooEarly = fileOn("2019-04-20T02:00:00Z", STREETLIGHT);
        RoutingSuggestion suggestion = tickets.find(kept).orElseThrow().suggestion();
        Leaf other = elsewhere(suggestion);
        assertThat(dispatch(kept, "{\"action\":\"dispatch\",\"department\":\"" + suggestion.department() + "\"}").status()).isEqualTo(200);
        assertThat(dispatch(moved, "{\"action\":\"dispatch\",\"categoryCode\":\"" + other.code() + "\"}").status()).isEqualTo(200);
        assertThat(dispatch(tooEarly, "{\"action\":\"dispatch\",\"categoryCode\":\"" + other.code() + "\"}").status()).isEqualTo(200);

        HttpResponse response = call("GET", "/v1/staff/routing/quality", DISPATCH,
                Map.of("from", "2019-05-01", "to", "2019-05-31"), "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("classified").intValue()).isEqualTo(3);
        assertThat(report.get("awaitingDispatch").intValue()).isEqualTo(1);
        assertThat(report.get("corrected").intValue()).isEqualTo(1);
        assertThat(report.get("overall").get("count").intValue()).isEqualTo(2);
        assertThat(report.get("overall").get("domainCorrect").intValue()).isEqualTo(1);
        assertThat(report.get("overall").get("domainAccuracy").doubleValue()).isEqualTo(0.5);
        Map<String, JsonNode> byDomain = new HashMap<>();
        report.get("byDomain").forEach(d -> byDomain.put(d.get("domain").stringValue(), d));
        assertThat(byDomain).containsOnlyKeys(suggestion.domain(), other.domain().label());
        JsonNode suggestedDomain = byDomain.get(suggestion.domain());
        assertThat(suggestedDomain.get("accuracy").get("count").intValue()).isEqualTo(1);
        assertThat(suggestedDomain.get("accuracy").get("domainAccuracy").doubleValue()).isEqualTo(1.0);
        assertThat(suggestedDomain.get("suggested").intValue()).isEqualTo(2);
        assertThat(suggestedDomain.get("precision").doubleValue()).isEqualTo(0.5);
        JsonNode missed = byDomain.get(other.domain().label()).get("accuracy");
        assertThat(missed.get("count").intValue()).isEqualTo(1);
        assertThat(missed.get("domainAccuracy").doubleValue()).isEqualTo(0.0);
        assertThat(report.get("byModel").has(suggestion.modelVersion())).isTrue();
        assertThat(waiting).isNotBlank();

        HttpResponse defaultRange = call("GET", "/v1/staff/routing/quality", DISPATCH, Map.of(), "");
        assertThat(json.readTree(defaultRange.body()).get("from").stringValue()).as("the last 30 days").isEqualTo("2019-05-03");
        assertThat(json.readTree(defaultRange.body()).get("to").stringValue()).isEqualTo("2019-06-01");
    }

    @Test
    void theExportHoldsTheCorrectedTicketsAsRedactedTrainingRowsThatTrainRouterReads() throws Exception {
        String moved = fileOn("2019-07-08T02:00:00Z", STREETLIGHT + "我的身份证号是33020319900101123X。");
        String kept = fileOn("2019-07-09T02:00:00Z", STREETLIGHT);
        RoutingSuggestion suggestion = tickets.find(moved).orElseThrow().suggestion();
        Leaf other = elsewhere(suggestion);
        dispatch(moved, "{\"action\":\"dispatch\",\"categoryCode\":\"" + other.code() + "\"}");
        dispatch(kept, "{\"action\":\"dispatch\"}");

        HttpResponse response = call("GET", "/v1/staff/routing/export", DISPATCH,
                Map.of("from", "2019-07-01", "to", "2019-07-31"), "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/x-ndjson");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode row = json.readTree(lines[0]);
        assertThat(row.get("label").stringValue()).isEqualTo(other.domain().label());
        assertThat(row.get("category").stringValue()).isEqualTo(other.code());
        assertThat(row.get("text").stringValue()).contains("路灯坏了").doesNotContain("13905741234", "33020319900101123X",
                "张先生", "李女士", "王某某");

        HistoryFile.Rows read = HistoryFile.read("corrections.jsonl",
                new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.bad()).isEmpty();
        assertThat(read.texts()).hasSize(1);
        assertThat(read.texts().get(0).domain().label()).isEqualTo(other.domain().label());
    }

    @Test
    void onlyTheDispatchCentreMayReadThemAndABadRangeIsA400() {
        for (String path : List.of("/v1/staff/routing/quality", "/v1/staff/routing/export")) {
            assertThat(call("GET", path, DEPARTMENT_STAFF, Map.of(), "").status()).as(path).isEqualTo(403);
            assertThat(call("GET", path, Map.of(), Map.of(), "").status()).as(path).isEqualTo(401);
            for (Map<String, String> bad : List.of(Map.of("from", "2019-13-01"), Map.of("to", "yesterday"),
                    Map.of("from", "2019-05-02", "to", "2019-05-01"), Map.of("from", "2010-01-01", "to", "2019-05-01"))) {
                HttpResponse response = call("GET", path, DISPATCH, bad, "");
                assertThat(response.status()).as(path + " " + bad).isEqualTo(400);
                assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
            }
        }
    }
}
