package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.LinkingDuplicates;
import org.bianmin.hotline.application.NewRequest;
import org.bianmin.hotline.application.PhoneProtector;
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
import org.bianmin.hotline.model.PhoneNumber;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.web.StaffIncidentRoutes;
import org.bianmin.hotline.web.StaffTransitionRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents on dynalite: the staff lists (newest first, paged, with member counts, the dispatch centre's open ones and
 * a department's own), and crash safety between the incident write and its tickets' writes: a store whose ticket
 * writes fail part-way (as a function killed between them would leave things) leaves a debt that the next read or
 * action on the incident pays, after which incident and tickets agree.
 */
class IncidentListingAndRecoveryTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final String CITY = "市城市管理局";
    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");
    private static final Map<String, String> CITY_STAFF = Map.of("sub", "cg-1", "department", CITY);
    private static final String TICKETS_TABLE = Tables.TICKETS.tableName(DynamoDbTestServer.TABLE_PREFIX);

    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final DynamoIncidentStore incidents =
            new DynamoIncidentStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final FilingRequest filing = new FilingRequest(() -> classifier, GridRegistry.loadDefault(),
            new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(KEY, KEY), Clock.systemUTC());
    private static final LinkingDuplicates linking =
            new LinkingDuplicates(tickets, incidents, Taxonomy.loadDefault(), Clock.systemUTC());
    private static final TransitioningTicket transitions =
            new TransitioningTicket(tickets, Clock.systemUTC(), notification -> { }, Taxonomy.loadDefault(), incidents);

    private final HttpApi api = new HttpApi(List.of(new StaffTransitionRoute(transitions)));
    private final HttpApi incidentApi = new HttpApi(new StaffIncidentRoutes(linking,
            new DynamoIncidentListing(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX)).routes());

    private static String file(String text) {
        return filing.file(new NewRequest(text, PhoneNumber.parse("13812345678").orElseThrow(), null, "phone", null))
                .trackingNumber();
    }

    private static List<String> streetlights(int n) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(file("人民路" + (100 + i) + "号门口的路灯坏了好几天，晚上漆黑一片，请尽快维修"));
        }
        return numbers;
    }

    private HttpResponse call(HttpApi target, String method, String path, Map<String, String> claims, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        Map<String, String> query = new HashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
            path = path.substring(0, q);
        }
        return target.handle(new HttpRequest(method, path, headers, query, body == null ? "" : body, "t", Map.of()));
    }

    private static JsonNode body(HttpResponse response) {
        return json.readTree(response.body());
    }

    /** Every page of a list, in order. */
    private List<JsonNode> allPages(String path, Map<String, String> claims) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + (path.contains("?") ? "&" : "?") + "limit=2"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse page = call(incidentApi, "GET", url, claims, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = body(page);
            assertThat(body.get("incidents").size()).isLessThanOrEqualTo(2);
            body.get("incidents").forEach(all::add);
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").stringValue();
        } while (cursor != null);
        return all;
    }

    private static List<String> ids(List<JsonNode> listed) {
        return listed.stream().map(i -> i.get("incidentId").stringValue()).toList();
    }

    @Test
    void theDispatchCentreListsOpenIncidentsNewestFirstAndADepartmentItsOwn() {
        Incident older = linking.create(streetlights(2), CITY, null, "dispatcher-1");
        Incident middle = linking.create(streetlights(3), CITY, null, "dispatcher-1");
        Incident newer = linking.create(streetlights(2), "市交通运输局", null, "dispatcher-1");

        List<JsonNode> open = allPages("/v1/staff/incidents", DISPATCH);
        List<String> openIds = ids(open);
        assertThat(openIds).containsSubsequence(newer.id(), middle.id(), older.id());
        assertThat(openIds).doesNotHaveDuplicates();
        List<String> created = open.stream().map(i -> i.get("createdAt").stringValue()).toList();
        java.util.Comparator<String> byTime = java.util.Comparator.comparing(t -> java.time.OffsetDateTime.parse(t).toInstant());
        assertThat(created).isSortedAccordingTo(byTime.reversed());
        JsonNode listedMiddle = open.stream().filter(i -> i.get("incidentId").stringValue().equals(middle.id())).findFirst().orElseThrow();
        assertThat(listedMiddle.get("memberCount").intValue()).isEqualTo(3);
        assertThat(listedMiddle.get("department").stringValue()).isEqualTo(CITY);
        assertThat(listedMiddle.get("lead").stringValue()).isEqualTo(middle.members().get(0));

        // a department sees the incidents it owns, and no other department's
        List<JsonNode> own = allPages("/v1/staff/incidents", CITY_STAFF);
        assertThat(ids(own)).containsSubsequence(middle.id(), older.id()).doesNotContain(newer.id());
        assertThat(own).allSatisfy(i -> assertThat(i.get("department").stringValue()).isEqualTo(CITY));
        assertThat(call(incidentApi, "GET", "/v1/staff/incidents?department=市交通运输局", CITY_STAFF, null).status()).isEqualTo(403);
        assertThat(ids(allPages("/v1/staff/incidents?department=市交通运输局", DISPATCH))).contains(newer.id())
                .doesNotContain(middle.id());

        // resolved: off the dispatch centre's open list, still on its department's
        String lead = older.members().get(0);
        assertThat(call(api, "POST", "/v1/staff/requests/" + lead + "/transitions", DISPATCH,
                "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}").status()).isEqualTo(200);
        assertThat(call(api, "POST", "/v1/staff/requests/" + lead + "/transitions", CITY_STAFF, "{\"action\":\"accept\"}").status()).isEqualTo(200);
        assertThat(call(api, "POST", "/v1/staff/requests/" + lead + "/transitions", CITY_STAFF,
                "{\"action\":\"resolve\",\"note\":\"已修复\"}").status()).isEqualTo(200);
        assertThat(ids(allPages("/v1/staff/incidents", DISPATCH))).doesNotContain(older.id()).contains(middle.id());
        assertThat(ids(allPages("/v1/staff/incidents", CITY_STAFF))).contains(older.id());

        // bad paging is a 400 with the error body
        HttpResponse badCursor = call(incidentApi, "GET", "/v1/staff/incidents?cursor=garbled", DISPATCH, null);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(body(badCursor).get("error").get("code").stringValue()).isEqualTo("INVALID_CURSOR");
        assertThat(call(incidentApi, "GET", "/v1/staff/incidents?limit=0", DISPATCH, null).status()).isEqualTo(400);
    }

    @Test
    void aCreationInterruptedBeforeItsTicketsIsCompletedByTheNextRead() {
        List<String> numbers = streetlights(3);
        LinkingDuplicates crashing = new LinkingDuplicates(tickets(failingTicketWritesAfter(0)), incidents,
                Taxonomy.loadDefault(), Clock.systemUTC());
        assertThatThrownBy(() -> crashing.create(numbers, CITY, "同一路段", "dispatcher-1")).isInstanceOf(CrashedWrite.class);
        Incident interrupted = onlyIncidentListing(numbers.get(0));
        assertThat(interrupted.pendingLinks()).containsExactlyElementsOf(numbers);
        assertThat(numbers).allSatisfy(n -> assertThat(tickets.find(n).orElseThrow().incidentId()).isNull());

        // the next read (the dispatcher opening it) completes the link
        JsonNode read = body(call(incidentApi, "GET", "/v1/staff/incidents/" + interrupted.id(), DISPATCH, null));
        assertThat(read.get("tickets").size()).isEqualTo(3);
        assertAgreement(interrupted.id(), numbers);
        assertThat(read.get("tickets")).allSatisfy(t -> assertThat(t.get("department").stringValue()).isEqualTo(CITY));
    }

    @Test
    void aCreationInterruptedAfterItsFirstTicketLinksTheRestOnceEach() {
        List<String> numbers = streetlights(3);
        LinkingDuplicates crashing = new LinkingDuplicates(tickets(failingTicketWritesAfter(1)), incidents,
                Taxonomy.loadDefault(), Clock.systemUTC());
        assertThatThrownBy(() -> crashing.create(numbers, null, null, "dispatcher-1")).isInstanceOf(CrashedWrite.class);
        String incidentId = tickets.find(numbers.get(0)).orElseThrow().incidentId();
        assertThat(incidentId).isNotNull();
        assertThat(tickets.find(numbers.get(1)).orElseThrow().incidentId()).isNull();

        // not a read this time: the next action on the incident (a dispatcher dispatching its lead) completes it first
        assertThat(call(api, "POST", "/v1/staff/requests/" + numbers.get(0) + "/transitions", DISPATCH,
                "{\"action\":\"dispatch\",\"department\":\"" + CITY + "\"}").status()).isEqualTo(200);
        assertAgreement(incidentId, numbers);
        for (String n : numbers) {
            Ticket t = tickets.find(n).orElseThrow();
            assertThat(t.events().stream().filter(e -> e.action().equals("LINK")).count()).as(n + " linked once").isEqualTo(1);
            assertThat(t.department()).isEqualTo(CITY);
        }
        assertThat(incidents.find(incidentId).orElseThrow().department()).isEqualTo(CITY);
    }

    @Test
    void anUnlinkInterruptedBeforeItsTicketIsCompletedByTheNextRead() {
        List<String> numbers = streetlights(3);
        Incident incident = linking.create(numbers, CITY, null, "dispatcher-1");
        LinkingDuplicates crashing = new LinkingDuplicates(tickets(failingTicketWritesAfter(0)), incidents,
                Taxonomy.loadDefault(), Clock.systemUTC());
        assertThatThrownBy(() -> crashing.unlink(incident.id(), numbers.get(2), null, "dispatcher-1"))
                .isInstanceOf(CrashedWrite.class);
        assertThat(incidents.find(incident.id()).orElseThrow().members()).doesNotContain(numbers.get(2));
        assertThat(tickets.find(numbers.get(2)).orElseThrow().incidentId()).isEqualTo(incident.id());

        // the list reads it (and completes it)
        assertThat(ids(allPages("/v1/staff/incidents", DISPATCH))).contains(incident.id());
        assertAgreement(incident.id(), numbers.subList(0, 2));
        Ticket out = tickets.find(numbers.get(2)).orElseThrow();
        assertThat(out.incidentId()).isNull();
        assertThat(out.events().get(out.events().size() - 1).action()).isEqualTo("UNLINK");
        // and it may join another incident now
        assertThat(linking.create(List.of(numbers.get(2), streetlights(1).get(0)), null, null, "dispatcher-1").members())
                .contains(numbers.get(2));
    }

    /** The incident lists exactly these tickets, each points back at it, and nothing is pending. */
    private static void assertAgreement(String incidentId, List<String> members) {
        Incident stored = incidents.find(incidentId).orElseThrow();
        assertThat(stored.members()).containsExactlyInAnyOrderElementsOf(members);
        assertThat(stored.unsettled()).isFalse();
        for (String n : members) {
            Ticket t = tickets.find(n).orElseThrow();
            assertThat(t.incidentId()).as(n).isEqualTo(incidentId);
            assertThat(t.status()).as(n + " follows the incident").isEqualTo(stored.status());
            assertThat(t.dueAt()).as(n).isEqualTo(stored.dueAt());
        }
    }

    private static Incident onlyIncidentListing(String member) {
        return new DynamoIncidentListing(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX)
                .list(null, 100, null).items().stream().filter(i -> i.members().contains(member)).findFirst().orElseThrow();
    }

    private static DynamoTicketStore tickets(DynamoDbClient client) {
        return new DynamoTicketStore(client, DynamoDbTestServer.TABLE_PREFIX);
    }

    /** The function dying between writes: the first {@code allowed} ticket writes go through, every later one fails. */
    private static DynamoDbClient failingTicketWritesAfter(int allowed) {
        DynamoDbClient real = DynamoDbTestServer.client();
        AtomicInteger writes = new AtomicInteger();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    Object[] actual = args;
                    String table = null;
                    if (method.getName().equals("putItem")) {
                        PutItemRequest request = args[0] instanceof PutItemRequest r ? r : putRequest(args[0]);
                        table = request.tableName();
                        actual = new Object[] {request};
                        method = DynamoDbClient.class.getMethod("putItem", PutItemRequest.class);
                    } else if (method.getName().equals("updateItem")) {
                        UpdateItemRequest request = args[0] instanceof UpdateItemRequest r ? r : updateRequest(args[0]);
                        table = request.tableName();
                        actual = new Object[] {request};
                        method = DynamoDbClient.class.getMethod("updateItem", UpdateItemRequest.class);
                    }
                    if (TICKETS_TABLE.equals(table) && writes.incrementAndGet() > allowed) {
                        throw new CrashedWrite();
                    }
                    try {
                        return method.invoke(real, actual);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static PutItemRequest putRequest(Object consumer) {
        PutItemRequest.Builder builder = PutItemRequest.builder();
        ((Consumer<PutItemRequest.Builder>) consumer).accept(builder);
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static UpdateItemRequest updateRequest(Object consumer) {
        UpdateItemRequest.Builder builder = UpdateItemRequest.builder();
        ((Consumer<UpdateItemRequest.Builder>) consumer).accept(builder);
        return builder.build();
    }

    /** What the interrupted function saw last. */
    static final class CrashedWrite extends RuntimeException {
        CrashedWrite() {
            super("function stopped between writes");
        }
    }
}
