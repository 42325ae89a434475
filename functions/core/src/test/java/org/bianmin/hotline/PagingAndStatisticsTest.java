package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.bianmin.devices.infrastructure.DynamoAlarmStore;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.hotline.application.RatingTicket;
import org.bianmin.hotline.application.TransitionRefusedException;
import org.bianmin.hotline.application.TransitioningTicket;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoTicketStatistics;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.model.Location;
import org.bianmin.hotline.model.ProtectedPhone;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.model.StaffMember;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.TicketAction;
import org.bianmin.hotline.model.TicketEvent;
import org.bianmin.hotline.model.TicketLifecycle;
import org.bianmin.hotline.model.TicketStatus;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.web.Open311Api;
import org.bianmin.hotline.web.StaffRequestsRoute;
import org.bianmin.hotline.web.StaffStatsRoute;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.InvalidCursorException;
import org.bianmin.store.Page;
import org.bianmin.store.TableProvisioner;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cursor paging and counter-based statistics on dynalite, in tables of their own: 250 tickets page out exactly once
 * and in order, cursors of another listing or scope are refused, the statistics equal a brute-force count over the
 * stored tickets after a series of transitions, and none of it issues a Scan (observed on the SDK client).
 */
class PagingAndStatisticsTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PREFIX = "paging-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private static final List<String> DEPARTMENTS = List.of("市城市管理局", "市水务局", "市住房和城乡建设局");
    private static final List<String> CATEGORIES = List.of("A01", "B02", "C03", "D04");
    private static final Instant START = Instant.parse("2026-10-01T01:00:00Z");
    private static final int TICKETS = 250;
    private static final Map<String, String> DISPATCH = Map.of("sub", "dispatcher-1", "role", "dispatch");
    private static final StaffMember DISPATCHER = new StaffMember("dispatcher-1", null, true);

    /** Every operation the client sent, by name: the proof that no listing or statistic scans. */
    private static final List<String> operations = Collections.synchronizedList(new ArrayList<>());
    private static DynamoDbClient dynamo;
    private static DynamoTicketStore store;
    private static HttpApi api;
    private static final List<String> numbers = new ArrayList<>();

    @BeforeAll
    static void fileAndMoveTickets() {
        Map<String, String> server = DynamoDbTestServer.springProperties();
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(server.get("bianmin.dynamodb.endpoint")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.get("bianmin.dynamodb.access-key-id"), server.get("bianmin.dynamodb.secret-access-key"))))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build();
        new TableProvisioner(dynamo, PREFIX).createMissing(Tables.ALL);
        store = new DynamoTicketStore(dynamo, PREFIX);
        for (int i = 0; i < TICKETS; i++) {
            // ten tickets share one creation time: the merge must still hand each out once
            Instant created = i < 10 ? START : START.plus(Duration.ofMinutes(97L * i));
            String number = String.format("T%05d", i);
            String department = DEPARTMENTS.get(i % DEPARTMENTS.size());
            String category = CATEGORIES.get(i % CATEGORIES.size());
            Ticket ticket = new Ticket(number, "hash", TicketStatus.RECEIVED, 1, "phone", "测试诉求" + i,
                    new ProtectedPhone("phone-hash-" + i, "138****0000", "cipher"), new Location("测试路" + i + "号", null, 31.2, 121.4),
                    "domain-" + (i % 2), category, "类别" + category, department, null, SlaClass.NORMAL, false, created,
                    created.plus(Duration.ofDays(5)), null, null,
                    List.of(new TicketEvent(created, "channel:phone", "FILE", null, TicketStatus.RECEIVED, null)));
            assertThat(store.create(ticket)).isTrue();
            numbers.add(number);
        }
        for (int i = 0; i < TICKETS; i++) {
            Instant created = store.find(numbers.get(i)).orElseThrow().createdAt();
            String department = DEPARTMENTS.get((i / 3) % DEPARTMENTS.size());
            StaffMember staff = new StaffMember("staff-" + i, department, false);
            // every third ticket goes to another department than its first, so contributions move between scopes
            if (i % 2 == 0) {
                move(numbers.get(i), created.plus(Duration.ofHours(1)), TicketAction.DISPATCH, department, DISPATCHER);
                move(numbers.get(i), created.plus(Duration.ofHours(2)), TicketAction.ACCEPT, null, staff);
            }
            if (i % 4 == 0) {
                // half late, half on time
                Instant resolved = created.plus(Duration.ofDays(i % 8 == 0 ? 2 : 7));
                move(numbers.get(i), resolved, TicketAction.RESOLVE, null, staff);
                if (i % 12 == 0) {
                    new RatingTicket(store, Clock.fixed(resolved.plus(Duration.ofHours(3)), ZoneOffset.UTC))
                            .rate(store.find(numbers.get(i)).orElseThrow(), 1 + i % 5, null, i % 24 == 0);
                }
            } else if (i % 6 == 2) {
                move(numbers.get(i), created.plus(Duration.ofDays(6)), TicketAction.ESCALATE, null, DISPATCHER);
            }
        }
        List<org.bianmin.http.HttpRoute> routes = new ArrayList<>(List.of(new StaffRequestsRoute(store),
                new StaffStatsRoute(new DynamoTicketStatistics(dynamo, PREFIX), Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC))));
        routes.addAll(new Open311Api(Taxonomy.loadDefault(), null, store, "").routes());
        api = new HttpApi(routes);
    }

    private static void move(String number, Instant at, TicketAction action, String department, StaffMember actor) {
        try {
            new TransitioningTicket(store, Clock.fixed(at, ZoneOffset.UTC)).transition(number, action, "测试", department, actor);
        } catch (TransitionRefusedException e) {
            throw new AssertionError(number + " " + action + ": " + e.getMessage(), e);
        }
    }

    private static HttpResponse get(String path, Map<String, String> claims, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        claims.forEach((k, v) -> headers.put(HttpRequest.CLAIM_PREFIX + k, v));
        return api.handle(new HttpRequest("GET", path, headers, query, "", "t", Map.of()));
    }

    /** Pages through the staff queue; returns the tracking numbers in the order served. */
    private static List<String> pageThroughQueue(Map<String, String> claims, Map<String, String> filters, int limit) {
        List<String> served = new ArrayList<>();
        List<String> created = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(filters);
            query.put("limit", Integer.toString(limit));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            HttpResponse response = get("/v1/staff/requests", claims, query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("requests").size()).isLessThanOrEqualTo(limit);
            body.get("requests").forEach(r -> {
                served.add(r.get("trackingNumber").asString());
                created.add(Instant.parse(r.get("createdAt").asString().length() > 0 ? offsetToInstant(r.get("createdAt").asString()) : "").toString());
            });
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asString();
            assertThat(++pages).as("pages").isLessThan(TICKETS);
        } while (cursor != null);
        List<String> sorted = new ArrayList<>(created);
        sorted.sort(Collections.reverseOrder());
        assertThat(created).as("newest first").isEqualTo(sorted);
        return served;
    }

    private static String offsetToInstant(String offsetTime) {
        return java.time.OffsetDateTime.parse(offsetTime).toInstant().toString();
    }

    @Test
    void theWholeQueuePagesOutOnceEachNewestFirst() {
        operations.clear();
        List<String> served = pageThroughQueue(DISPATCH, Map.of(), 37);
        assertThat(served).hasSize(TICKETS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(operations).doesNotContain("Scan").contains("Query");
    }

    @Test
    void aDepartmentsQueueInOneStatusPagesOutExactlyItsTickets() throws Exception {
        String department = DEPARTMENTS.get(1);
        Map<String, String> claims = Map.of("sub", "s-1", "department", department);
        Set<String> expected = new HashSet<>();
        for (String number : numbers) {
            Ticket t = store.find(number).orElseThrow();
            if (t.department().equals(department) && t.status() == TicketStatus.ACCEPTED) {
                expected.add(number);
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        List<String> served = pageThroughQueue(claims, Map.of("status", "ACCEPTED"), 7);
        assertThat(served).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        List<String> all = pageThroughQueue(claims, Map.of(), 50);
        assertThat(all).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(numbers.stream().map(n -> store.find(n).orElseThrow())
                        // a department sees its tickets once they were dispatched to it, not those waiting at dispatch
                        .filter(t -> t.department().equals(department) && TicketLifecycle.reachedDepartment(t.status()))
                        .map(Ticket::trackingNumber).toList());
    }

    @Test
    void cursorsOfAnotherListingOrScopeAndGarbledOnesAreRefused() {
        JsonNode first = json.readTree(get("/v1/staff/requests", DISPATCH, Map.of("limit", "5")).body());
        String cursor = first.get("nextCursor").asString();
        assertThat(get("/v1/staff/requests", DISPATCH, Map.of("limit", "5", "cursor", cursor)).status()).isEqualTo(200);

        HttpResponse otherStatus = get("/v1/staff/requests", DISPATCH, Map.of("status", "RECEIVED", "cursor", cursor));
        assertThat(otherStatus.status()).isEqualTo(400);
        assertThat(json.readTree(otherStatus.body()).get("code").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(otherStatus.headers().get("content-type")).startsWith("application/problem+json");

        Map<String, String> department = Map.of("sub", "s-1", "department", DEPARTMENTS.get(0));
        assertThat(get("/v1/staff/requests", department, Map.of("cursor", cursor)).status()).isEqualTo(400);

        char[] garbled = cursor.toCharArray();
        garbled[garbled.length / 2] = garbled[garbled.length / 2] == 'A' ? 'B' : 'A';
        assertThat(get("/v1/staff/requests", DISPATCH, Map.of("cursor", new String(garbled))).status()).isEqualTo(400);
        assertThat(get("/v1/staff/requests", DISPATCH, Map.of("cursor", "not a cursor!")).status()).isEqualTo(400);
        assertThat(get("/v1/staff/requests", DISPATCH, Map.of("cursor", cursor.substring(0, cursor.length() - 3))).status()).isEqualTo(400);
        for (String limit : List.of("0", "-1", "201", "abc", "")) {
            HttpResponse bad = get("/v1/staff/requests", DISPATCH, Map.of("limit", limit));
            assertThat(bad.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(json.readTree(bad.body()).get("code").asString()).isEqualTo("INVALID_LIMIT");
        }
    }

    @Test
    void theOpen311ListingPagesByQueriesWithTheNextPageInHeaders() {
        operations.clear();
        List<String> served = new ArrayList<>();
        String cursor = null;
        Map<String, String> filters = Map.of("start_date", "2026-09-01T00:00:00+08:00", "end_date", "2027-03-01T00:00:00+08:00",
                "status", "open");
        do {
            Map<String, String> query = new HashMap<>(filters);
            query.put("limit", "40");
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            HttpResponse response = get("/open311/v2/requests.json", Map.of(), query);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            json.readTree(response.body()).forEach(r -> {
                assertThat(r.get("status").asString()).isEqualTo("open");
                served.add(r.get("service_request_id").asString());
            });
            cursor = response.headers().get("x-next-cursor");
            if (cursor != null) {
                assertThat(response.headers().get("link")).contains("rel=\"next\"").contains("cursor=");
            }
        } while (cursor != null);
        List<String> open = numbers.stream().filter(n -> store.find(n).orElseThrow().status().isOpen()).toList();
        assertThat(served).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open);

        List<String> inCategories = new ArrayList<>();
        String next = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("start_date", "2026-09-01T00:00:00+08:00",
                    "end_date", "2027-03-01T00:00:00+08:00", "service_code", "A01,C03", "limit", "25"));
            if (next != null) {
                query.put("cursor", next);
            }
            HttpResponse response = get("/open311/v2/requests.json", Map.of(), query);
            json.readTree(response.body()).forEach(r -> inCategories.add(r.get("service_request_id").asString()));
            next = response.headers().get("x-next-cursor");
        } while (next != null);
        assertThat(inCategories).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(numbers.stream()
                .filter(n -> List.of("A01", "C03").contains(store.find(n).orElseThrow().categoryCode())).toList());
        assertThat(operations).doesNotContain("Scan");

        String foreign = json.readTree(get("/v1/staff/requests", DISPATCH, Map.of("limit", "5")).body()).get("nextCursor").asString();
        HttpResponse refused = get("/open311/v2/requests.json", Map.of(), Map.of("cursor", foreign));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get(0).get("code").asInt()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json", Map.of(), Map.of("limit", "1000")).status()).isEqualTo(400);
    }

    @Test
    void alarmsPageByTheStatusIndex() {
        DynamoAlarmStore alarms = new DynamoAlarmStore(dynamo, PREFIX);
        for (int i = 0; i < 45; i++) {
            alarms.record("dev-" + i, i % 3 == 0 ? AlarmType.SMOKE : AlarmType.WATERLOGGING,
                    START.plus(Duration.ofMinutes(i)), Duration.ofMinutes(10), "grid-" + (i % 2));
        }
        operations.clear();
        List<String> smokeInGrid0 = new ArrayList<>();
        String cursor = null;
        do {
            Page<Alarm> page = alarms.byStatus(Alarm.AlarmStatus.OPEN, AlarmType.SMOKE, "grid-0", 2, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            page.items().forEach(a -> smokeInGrid0.add(a.deviceId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        List<String> expected = new ArrayList<>();
        for (int i = 44; i >= 0; i--) {
            if (i % 3 == 0 && i % 2 == 0) {
                expected.add("dev-" + i);
            }
        }
        assertThat(smokeInGrid0).isEqualTo(expected);
        String other = alarms.byStatus(Alarm.AlarmStatus.OPEN, null, null, 5, null).nextCursor();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alarms.byStatus(Alarm.AlarmStatus.OPEN, AlarmType.SMOKE, null, 5, other))
                .isInstanceOf(InvalidCursorException.class);
        assertThat(operations).doesNotContain("Scan");
    }

    @Test
    void statisticsFromCountersEqualABruteForceCountOfTheStoredTickets() {
        List<Ticket> all = numbers.stream().map(n -> store.find(n).orElseThrow()).toList();
        operations.clear();
        JsonNode city = json.readTree(get("/v1/staff/stats", DISPATCH, Map.of("from", "2026-09-25", "to", "2026-12-31")).body());
        assertThat(operations).doesNotContain("Scan");
        assertBruteForce(city, all);
        assertDaily(city, all);
        for (String department : DEPARTMENTS) {
            JsonNode stats = json.readTree(get("/v1/staff/stats", Map.of("sub", "s", "department", department),
                    Map.of("from", "2026-09-25", "to", "2026-12-31")).body());
            List<Ticket> own = all.stream().filter(t -> t.department().equals(department)).toList();
            assertBruteForce(stats, own);
            assertDaily(stats, own);
        }
        assertThat(get("/v1/staff/stats", DISPATCH, Map.of("from", "2026-12-31", "to", "2026-01-01")).status()).isEqualTo(400);
        assertThat(get("/v1/staff/stats", DISPATCH, Map.of("from", "2025-01-01", "to", "2026-12-31")).status()).isEqualTo(400);
        assertThat(get("/v1/staff/stats", DISPATCH, Map.of("from", "yesterday")).status()).isEqualTo(400);
    }

    /** The statistics as the earlier code computed them, from every ticket. */
    private static void assertBruteForce(JsonNode stats, List<Ticket> tickets) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byDepartment = new TreeMap<>();
        Map<String, Integer> byDomain = new TreeMap<>();
        int finished = 0;
        int onTime = 0;
        int rated = 0;
        int stars = 0;
        for (Ticket t : tickets) {
            byStatus.merge(t.status().name(), 1, Integer::sum);
            byDepartment.merge(t.department(), 1, Integer::sum);
            byDomain.merge(t.domain(), 1, Integer::sum);
            if (!t.status().isOpen()) {
                finished++;
                onTime += t.events().stream().filter(e -> e.to() == TicketStatus.RESOLVED).map(TicketEvent::at).findFirst()
                        .map(at -> !at.isAfter(t.dueAt())).orElse(false) ? 1 : 0;
            }
            if (t.rating() != null) {
                rated++;
                stars += t.rating();
            }
        }
        assertThat(stats.get("total").asInt()).isEqualTo(tickets.size());
        assertThat(json.convertValue(stats.get("byStatus"), TreeMap.class)).isEqualTo(byStatus);
        assertThat(json.convertValue(stats.get("byDepartment"), TreeMap.class)).isEqualTo(byDepartment);
        assertThat(json.convertValue(stats.get("byDomain"), TreeMap.class)).isEqualTo(byDomain);
        assertThat(finished).isPositive();
        assertThat(stats.get("onTimeClosureRate").asDouble()).isEqualTo(Math.round(1000.0 * onTime / finished) / 1000.0);
        assertThat(rated).isPositive();
        assertThat(stats.get("ratedCount").asInt()).isEqualTo(rated);
        assertThat(stats.get("averageSatisfaction").asDouble()).isEqualTo(Math.round(100.0 * stars / rated) / 100.0);
    }

    /** Received, closed, overdue and reopened per day, counted from the audit events of the tickets now in the scope. */
    private static void assertDaily(JsonNode stats, List<Ticket> tickets) {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (Ticket t : tickets) {
            for (TicketEvent e : t.events()) {
                String day = LocalDate.ofInstant(e.at(), WorkingCalendar.ZONE).toString();
                Map<String, Long> c = expected.computeIfAbsent(day, d -> new LinkedHashMap<>());
                if (e.from() == null) {
                    c.merge("received", 1L, Long::sum);
                }
                if ((e.from() == null || e.from().isOpen()) && !e.to().isOpen()) {
                    c.merge("closed", 1L, Long::sum);
                }
                if (e.to() == TicketStatus.ESCALATED) {
                    c.merge("overdue", 1L, Long::sum);
                }
                if (e.to() == TicketStatus.REOPENED) {
                    c.merge("reopened", 1L, Long::sum);
                }
            }
        }
        Map<String, Map<String, Long>> served = new TreeMap<>();
        stats.get("daily").forEach(d -> {
            Map<String, Long> c = new LinkedHashMap<>();
            for (String name : List.of("received", "closed", "overdue", "reopened")) {
                if (d.get(name).asLong() != 0) {
                    c.put(name, d.get(name).asLong());
                }
            }
            if (!c.isEmpty()) {
                served.put(d.get("date").asString(), c);
            }
        });
        expected.values().removeIf(Map::isEmpty);
        assertThat(served).isEqualTo(expected);
    }
}
