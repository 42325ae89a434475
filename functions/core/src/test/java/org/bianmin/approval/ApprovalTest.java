package org.bianmin.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.approval.application.DecidingApplication;
import org.bianmin.approval.application.ServiceCatalog;
import org.bianmin.approval.web.ApprovalRoutes;
import org.bianmin.approval.infrastructure.DynamoApprovalStore;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.bianmin.approval.model.ApprovalDecision;
import org.bianmin.approval.model.CheckOutcome;
import org.bianmin.approval.model.Decision;
import org.bianmin.approval.model.ResidentId;
import org.bianmin.approval.model.ServiceItem;
import org.bianmin.approval.sources.DataSource;
import org.bianmin.approval.sources.FixtureDataSource;
import org.bianmin.approval.sources.SyntheticPopulation;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 秒批 over the synthetic population: every item's approve / reject / manual-review paths, timeouts, bad input. */
class ApprovalTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final SyntheticPopulation population = new SyntheticPopulation(1200, 20261121L, TODAY);
    private static final ServiceCatalog catalog = ServiceCatalog.load(Set.copyOf(SyntheticPopulation.SOURCES));

    private static Map<String, DataSource> sources(Duration min, Duration max, String failing, String slow) {
        Map<String, DataSource> sources = new LinkedHashMap<>();
        long seed = 1;
        for (String name : SyntheticPopulation.SOURCES) {
            Duration lo = name.equals(slow) ? Duration.ofSeconds(5) : min;
            Duration hi = name.equals(slow) ? Duration.ofSeconds(5) : max;
            sources.put(name, new FixtureDataSource(name, population, lo, hi, name.equals(failing) ? 1.0 : 0.0, seed++));
        }
        return sources;
    }

    private static DecidingApplication deciding(Map<String, DataSource> sources) {
        return new DecidingApplication(sources, Duration.ofMillis(300), Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** Someone for whom every check of the item passes (or, with {@code pass} false, for whom exactly one fails). */
    private static ResidentId person(ServiceItem item, boolean pass) {
        for (ResidentId id : population.people()) {
            long failures = item.checks().stream()
                    .filter(c -> c.evaluate(population.record(c.source(), id)) == CheckOutcome.FAIL).count();
            if (pass ? failures == 0 : failures == 1) {
                return id;
            }
        }
        throw new IllegalStateException("the synthetic population has nobody for " + item.code());
    }

    @Test
    void theSyntheticPopulationHasValidIdsAndTheRuleFilesLoad() {
        assertThat(population.people()).hasSizeGreaterThanOrEqualTo(1000)
                .allSatisfy(id -> assertThat(ResidentId.problem(id.value())).isEmpty());
        assertThat(catalog.items()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyItemApprovesRejectsAndSendsToManualReview() {
        DecidingApplication fast = deciding(sources(Duration.ofMillis(1), Duration.ofMillis(5), null, null));
        for (ServiceItem item : catalog.items()) {
            ApprovalDecision approved = fast.decide("a-" + item.code(), item, person(item, true));
            assertThat(approved.decision()).as(item.code()).isEqualTo(Decision.APPROVED);
            assertThat(approved.checks()).allMatch(c -> c.outcome() == CheckOutcome.PASS);

            ApprovalDecision rejected = fast.decide("r-" + item.code(), item, person(item, false));
            assertThat(rejected.decision()).as(item.code()).isEqualTo(Decision.REJECTED);
            assertThat(rejected.reasons()).hasSize(1).allMatch(r -> item.checks().stream().anyMatch(c -> c.failReason().equals(r)));

            String source = item.checks().get(0).source();
            ApprovalDecision review = deciding(sources(Duration.ofMillis(1), Duration.ofMillis(5), source, null))
                    .decide("m-" + item.code(), item, person(item, true));
            assertThat(review.decision()).as(item.code()).isEqualTo(Decision.MANUAL_REVIEW);
            assertThat(review.checks()).anyMatch(c -> c.outcome() == CheckOutcome.UNAVAILABLE);
        }
    }

    @Test
    void aSlowSourceTimesOutIntoManualReviewWhileTheOthersAnswer() {
        ServiceItem item = catalog.item("talent-rent-subsidy").orElseThrow();
        ApprovalDecision decision = deciding(sources(Duration.ofMillis(10), Duration.ofMillis(20), null, "credit"))
                .decide("slow-1", item, person(item, true));
        assertThat(decision.decision()).isEqualTo(Decision.MANUAL_REVIEW);
        assertThat(decision.checks()).filteredOn(c -> c.source().equals("credit")).allMatch(c -> c.outcome() == CheckOutcome.TIMEOUT);
        assertThat(decision.checks()).filteredOn(c -> !c.source().equals("credit")).allMatch(c -> c.outcome() == CheckOutcome.PASS);
        assertThat(decision.reasons()).anyMatch(r -> r.contains("人工审核"));
    }

    @Test
    void anUnknownPersonIsNeverApproved() {
        ServiceItem item = catalog.item("elderly-allowance").orElseThrow();
        String first17 = "11010119300101123";
        ApprovalDecision decision = deciding(sources(Duration.ofMillis(1), Duration.ofMillis(2), null, null))
                .decide("unknown-1", item, new ResidentId(first17 + ResidentId.checkCharacter(first17)));
        assertThat(decision.decision()).isEqualTo(Decision.MANUAL_REVIEW);
        assertThat(decision.checks()).allMatch(c -> c.outcome() == CheckOutcome.AMBIGUOUS);
    }

    @Test
    void residentIdsAreValidatedForFormatBirthDateAndChecksum() {
        String first17 = "33020119800101123";
        String valid = first17 + ResidentId.checkCharacter(first17);
        assertThat(ResidentId.problem(valid)).isEmpty();
        assertThat(ResidentId.problem(first17 + (ResidentId.checkCharacter(first17) == '0' ? '1' : '0'))).get().asString().contains("校验位");
        assertThat(ResidentId.problem("330201198002301234")).get().asString().contains("出生日期");
        assertThat(ResidentId.problem("33020119800101")).get().asString().contains("18位");
        assertThat(ResidentId.parse(valid).masked()).isEqualTo(valid.substring(0, 4) + "**********" + valid.substring(14));
    }

    @Test
    void theApiIsIdempotentPerApplicationAndRejectsBadInputWithoutStoringIt() {
        ServiceItem item = catalog.item("elderly-allowance").orElseThrow();
        ResidentId eligible = person(item, true);
        HttpApi api = new HttpApi(new ApprovalRoutes(catalog, deciding(sources(Duration.ofMillis(1), Duration.ofMillis(5), null, null)),
                new DynamoApprovalStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX),
                new DynamoIdempotency(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC())).routes());
        String applicationId = "app-" + UUID.randomUUID();
        String body = "{\"applicationId\":\"" + applicationId + "\",\"item\":\"elderly-allowance\",\"applicant\":{\"idNumber\":\""
                + eligible.value() + "\",\"name\":\"王某某\"},\"fields\":{\"bankAccount\":\"6217000000000000000\"}}";

        HttpResponse first = post(api, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode decision = json.readTree(first.body());
        assertThat(decision.get("decision").stringValue()).isEqualTo("APPROVED");
        assertThat(decision.get("checks")).hasSize(item.checks().size());
        assertThat(first.body()).doesNotContain(eligible.value());
        assertThat(post(api, body).body()).isEqualTo(first.body());
        String reordered = "{\"fields\":{\"bankAccount\":\"6217000000000000000\"},\"applicant\":{\"name\":\"王某某\",\"idNumber\":\""
                + eligible.value() + "\"},\"item\":\"elderly-allowance\",\"applicationId\":\"" + applicationId + "\"}";
        assertThat(post(api, reordered).body()).isEqualTo(first.body());
        HttpResponse changed = post(api, body.replace("王某某", "李某某"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(json.readTree(changed.body()).get("error").get("code").stringValue()).isEqualTo("APPLICATION_ID_REUSED");

        List<String> badBodies = new ArrayList<>(List.of(
                body.replace("elderly-allowance", "moon-landing"),
                body.replace(eligible.value(), eligible.value().substring(0, 17) + (eligible.value().charAt(17) == '0' ? "1" : "0")),
                body.replace("\"fields\":{\"bankAccount\":\"6217000000000000000\"}", "\"fields\":{}"),
                body.replace("\"name\":\"王某某\"", "\"name\":\"\"")));
        for (String bad : badBodies) {
            String fresh = bad.replace(applicationId, "bad-" + UUID.randomUUID());
            assertThat(post(api, fresh).status()).as(fresh).isEqualTo(400);
            String id = json.readTree(fresh).get("applicationId").stringValue();
            assertThat(DynamoDbTestServer.client().getItem(g -> g.tableName(Tables.APPROVALS.tableName(DynamoDbTestServer.TABLE_PREFIX))
                    .key(Map.of("applicationId", AttributeValue.fromS(id)))).hasItem()).isFalse();
        }
        JsonNode items = json.readTree(api.handle(new HttpRequest("GET", "/v1/approvals/items", Map.of(), Map.of(), "", "t", Map.of())).body());
        assertThat(items.get("items").findValuesAsString("code")).contains("talent-rent-subsidy", "elderly-allowance");
    }

    /** Applies as the applicant named in the body, signed in with a citizen token for that ID number. */
    private static HttpResponse post(HttpApi api, String body) {
        String idNumber;
        try {
            idNumber = json.readTree(body).path("applicant").path("idNumber").asString("");
        } catch (RuntimeException notJson) {
            idNumber = "";
        }
        return post(api, "/v1/approvals", body, citizen(idNumber));
    }

    private static HttpResponse post(HttpApi api, String path, String body, Map<String, String> claims) {
        Map<String, String> headers = new java.util.HashMap<>(claims);
        headers.put("content-type", "application/json");
        return api.handle(new HttpRequest("POST", path, headers, Map.of(), body, "t", Map.of()));
    }

    /** The claims the citizen authorizer passes on for a signed-in resident. */
    private static Map<String, String> citizen(String idNumber) {
        return Map.of(HttpRequest.CLAIM_PREFIX + "sub", "citizen-" + idNumber.hashCode(),
                HttpRequest.CLAIM_PREFIX + org.bianmin.http.Access.CITIZEN_ID_CLAIM, idNumber);
    }

    private static Map<String, String> staff(String department) {
        return Map.of(HttpRequest.CLAIM_PREFIX + "sub", "staff-1", HttpRequest.CLAIM_PREFIX + "department", department);
    }

    /**
     * Only the applicant (a citizen token for their own ID number) or staff of the approving department may apply;
     * nobody else learns anything, and the applicant reads outcomes and reasons, never the sources' values.
     */
    @Test
    void onlyTheApplicantOrTheApprovingDepartmentApplyAndTheReplyHoldsNoEvidenceValues() {
        ServiceItem item = catalog.item("elderly-allowance").orElseThrow();
        ResidentId refused = person(item, false);
        ResidentId other = person(catalog.item("elderly-allowance").orElseThrow(), true);
        DynamoApprovalStore store = new DynamoApprovalStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
        HttpApi api = new HttpApi(new ApprovalRoutes(catalog, deciding(sources(Duration.ofMillis(1), Duration.ofMillis(5), null, null)),
                store, new DynamoIdempotency(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC())).routes());
        java.util.function.Function<String, String> body = applicationId -> "{\"applicationId\":\"" + applicationId
                + "\",\"item\":\"elderly-allowance\",\"applicant\":{\"idNumber\":\"" + refused.value()
                + "\",\"name\":\"王某某\"},\"fields\":{\"bankAccount\":\"6217000000000000000\"}}";

        String anonymous = "app-" + UUID.randomUUID();
        assertThat(post(api, "/v1/approvals", body.apply(anonymous), Map.of()).status()).isEqualTo(401);
        String someoneElse = "app-" + UUID.randomUUID();
        HttpResponse notSelf = post(api, "/v1/approvals", body.apply(someoneElse), citizen(other.value()));
        assertThat(notSelf.status()).as(notSelf.body()).isEqualTo(403);
        String otherDepartment = "app-" + UUID.randomUUID();
        assertThat(post(api, "/v1/staff/approvals", body.apply(otherDepartment), staff("市城市管理局")).status()).isEqualTo(403);
        // (the staff authorizer refuses a citizen token outright; past it, a claim set without a department is still refused)
        assertThat(post(api, "/v1/staff/approvals", body.apply(otherDepartment), citizen(refused.value())).status()).isEqualTo(403);
        for (String id : List.of(anonymous, someoneElse, otherDepartment)) {
            assertThat(storedDecision(id)).as(id).isEmpty();
        }

        String own = "app-" + UUID.randomUUID();
        HttpResponse reply = post(api, "/v1/approvals", body.apply(own), citizen(refused.value()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode decision = json.readTree(reply.body());
        assertThat(decision.get("decision").stringValue()).isEqualTo("REJECTED");
        ApprovalDecision stored = storedDecision(own).orElseThrow();
        for (JsonNode check : decision.get("checks")) {
            assertThat(check.has("evidence")).isFalse();
            assertThat(check.get("explanation").stringValue()).isNotBlank();
            if (check.get("outcome").stringValue().equals("FAIL")) {
                String rule = check.get("check").stringValue();
                assertThat(check.get("explanation").stringValue()).isEqualTo(item.checks().stream()
                        .filter(c -> c.id().equals(rule)).findFirst().orElseThrow().failReason());
            }
        }
        // the audit record keeps what the sources said; none of it reaches the applicant
        for (ApprovalDecision.CheckResult check : stored.checks()) {
            assertThat(check.evidence()).isNotBlank();
            assertThat(reply.body()).doesNotContain(check.evidence());
        }

        String byStaff = "app-" + UUID.randomUUID();
        HttpResponse onBehalf = post(api, "/v1/staff/approvals", body.apply(byStaff), staff(item.department()));
        assertThat(onBehalf.status()).as(onBehalf.body()).isEqualTo(200);
        assertThat(onBehalf.body()).doesNotContain("evidence");
    }

    /** The audit record of an application id, read from the approvals table itself. */
    private static java.util.Optional<ApprovalDecision> storedDecision(String applicationId) {
        var item = DynamoDbTestServer.client().getItem(g -> g.tableName(org.bianmin.store.Tables.APPROVALS.tableName(DynamoDbTestServer.TABLE_PREFIX))
                .key(Map.of("applicationId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(applicationId)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(json.readValue(item.get("record").s(), ApprovalDecision.class));
    }
}
