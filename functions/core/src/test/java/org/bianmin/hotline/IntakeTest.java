package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.RateLimiter;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.web.ClassifyRoute;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.web.IntakeRoute;
import org.bianmin.hotline.web.RequestStatusRoute;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.hotline.application.TrackingCodeLockout;
import org.bianmin.hotline.infrastructure.DynamoCodeAttempts;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hotline intake through its routes, with tickets and idempotency records in dynalite. */
class IntakeTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final PhoneProtector phones = new PhoneProtector(KEY, KEY);
    private static final DynamoTicketStore tickets =
            new DynamoTicketStore(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX);
    private static final RequestClassifier classifier =
            new RequestClassifier(Taxonomy.loadDefault(), Knowledge.BASE.entries(), Knowledge.ANALYZER);
    private static final FilingRequest filing = new FilingRequest(classifier, GridRegistry.loadDefault(),
            new Deadlines(HolidayFile.loadDefault()), tickets, phones, Clock.systemUTC());
    private final HttpApi api = new HttpApi(List.of(
            new IntakeRoute(filing, new DynamoIdempotency(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX, Clock.systemUTC())),
            new ClassifyRoute(classifier),
            statusRoute(new RateLimiter(5, Duration.ofMinutes(10), Clock.systemUTC()), Clock.systemUTC())));

    /** The status route as one Lambda instance builds it: its own rate limiter, the shared tickets table. */
    private static RequestStatusRoute statusRoute(RateLimiter limiter, Clock clock) {
        return new RequestStatusRoute(tickets, limiter, new TrackingCodeLockout(
                new DynamoCodeAttempts(DynamoDbTestServer.client(), DynamoDbTestServer.TABLE_PREFIX), clock));
    }

    private static final String BODY = """
            {"text":"桂花路上的路灯已经坏了一个星期，晚上漆黑一片，老人走路摔了一跤","phone":"138 1234 5678",
             "location":{"address":"东湖区桂花路18号附近","lat":29.8742,"lon":121.5268},"channel":"phone"}""";

    private HttpResponse post(String key, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        return api.handle(new HttpRequest("POST", "/v1/requests", headers, Map.of(), body, "t", Map.of()));
    }

    private HttpResponse lookup(String trackingNumber, String code, String ip) {
        return api.handle(new HttpRequest("GET", "/v1/requests/" + trackingNumber,
                Map.of(HttpRequest.SOURCE_IP, ip), code == null ? Map.of() : Map.of("code", code), "", "t", Map.of()));
    }

    @Test
    void filesARequestRoutedToItsDepartmentAndGridWithAWorkingTimeDeadline() {
        HttpResponse response = post(UUID.randomUUID().toString(), BODY);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.body());
        assertThat(receipt.get("trackingNumber").stringValue()).matches("BM\\d{12}");
        assertThat(receipt.get("verificationCode").stringValue()).matches("\\d{6}");
        assertThat(receipt.get("status").stringValue()).isEqualTo("RECEIVED");
        assertThat(receipt.get("domain").stringValue()).isEqualTo("城乡建设");
        assertThat(receipt.get("department").stringValue()).isNotBlank();
        assertThat(receipt.get("grid").stringValue()).startsWith("桂花社区");
        assertThat(receipt.get("dueAt").stringValue()).endsWith("+08:00");

        Ticket stored = tickets.find(receipt.get("trackingNumber").stringValue()).orElseThrow();
        assertThat(stored.phone().masked()).isEqualTo("138****5678");
        assertThat(phones.decrypt(stored.phone().ciphertext())).isEqualTo("13812345678");
        Map<String, AttributeValue> item = DynamoDbTestServer.client().getItem(g -> g
                .tableName(Tables.TICKETS.tableName(DynamoDbTestServer.TABLE_PREFIX))
                .key(Map.of("trackingNumber", AttributeValue.fromS(stored.trackingNumber())))).item();
        assertThat(item.toString()).doesNotContain("13812345678").doesNotContain(receipt.get("verificationCode").stringValue() + ",");
        assertThat(item.get("openDeadline").s()).isEqualTo("OPEN");
    }

    @Test
    void theUrgentRequestOfferedAfterAnEmergencyIsFiledUrgent() {
        // what the chatbot sends when the citizen accepts the URGENT request of an EMERGENCY reply (handoff.urgent)
        String emergency = "{\"text\":\"我家厨房着火了，已经打了119，请社区来看看\",\"phone\":\"13812345678\","
                + "\"location\":{\"address\":\"东湖区桂花路18号\"},\"channel\":\"chatbot\",\"urgent\":true}";
        HttpResponse response = post(UUID.randomUUID().toString(), emergency);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.body());
        Ticket stored = tickets.find(receipt.get("trackingNumber").stringValue()).orElseThrow();
        assertThat(stored.sla()).isEqualTo(SlaClass.URGENT);
        assertThat(Duration.between(stored.createdAt(), stored.dueAt())).isEqualTo(Duration.ofHours(24));
        assertThat(stored.events().get(0).note()).contains("紧急");

        // the same text without the flag is routed by its category as before
        JsonNode ordinary = json.readTree(post(UUID.randomUUID().toString(), emergency.replace(",\"urgent\":true", "")).body());
        assertThat(tickets.find(ordinary.get("trackingNumber").stringValue()).orElseThrow().sla()).isNotEqualTo(SlaClass.URGENT);
        // a flag that is not a boolean is refused
        assertError(post(UUID.randomUUID().toString(), emergency.replace("\"urgent\":true", "\"urgent\":\"yes\"")), 400,
                "INVALID_FIELD");
    }

    @Test
    void anUnclearRequestGoesToManualTriageInsteadOfAGuessedDepartment() {
        HttpResponse response = post(UUID.randomUUID().toString(),
                "{\"text\":\"你好，我想说一下那个事情\",\"phone\":\"13812345678\"}");
        JsonNode receipt = json.readTree(response.body());
        assertThat(receipt.get("manualTriage").booleanValue()).isTrue();
        assertThat(receipt.get("department").stringValue()).isEqualTo(FilingRequest.TRIAGE_DEPARTMENT);
    }

    @Test
    void theSameKeyReturnsTheSameTicketEvenReorderedAndAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        HttpResponse first = post(key, BODY);
        HttpResponse again = post(key, BODY);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());

        HttpResponse reordered = post(key, """
                {"channel":"phone","location":{"lon":121.5268,"lat":29.8742,"address":"东湖区桂花路18号附近"},
                 "phone":"138 1234 5678","text":"桂花路上的路灯已经坏了一个星期，晚上漆黑一片，老人走路摔了一跤"}""");
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(201);
        assertThat(reordered.body()).isEqualTo(first.body());

        HttpResponse other = post(key, BODY.replace("一个星期", "两个星期"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(json.readTree(other.body()).get("error").get("code").stringValue()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void racingIdenticalCallsCreateOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit((Callable<HttpResponse>) () -> post(key, BODY)));
        }
        List<String> bodies = new ArrayList<>();
        for (Future<HttpResponse> call : calls) {
            HttpResponse response = call.get();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            bodies.add(response.body());
        }
        pool.shutdown();
        assertThat(bodies).allMatch(b -> b.equals(bodies.get(0)));
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        assertError(post(null, BODY), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertError(post("short", BODY), 400, "INVALID_IDEMPOTENCY_KEY");
        assertError(post(key, BODY.replace("138 1234 5678", "12345")), 400, "INVALID_PHONE");
        assertError(post(key, BODY.replace("\"phone\":\"138 1234 5678\",", "")), 400, "PHONE_REQUIRED");
        assertError(post(key, "{\"text\":\"坏了\",\"phone\":\"13812345678\"}"), 400, "TEXT_LENGTH");
        assertError(post(key, BODY.replace("29.8742", "129.8")), 400, "INVALID_LOCATION");
        assertError(post(key, BODY.replace(",\"lon\":121.5268", "")), 400, "INVALID_LOCATION");
        assertError(post(key, BODY.replace("\"channel\":\"phone\"", "\"channel\":\"fax\"")), 400, "INVALID_CHANNEL");
        assertError(post(key, "{\"text\":"), 400, "INVALID_JSON");
        assertThat(DynamoDbTestServer.client().getItem(g -> g.tableName(Tables.IDEMPOTENCY.tableName(DynamoDbTestServer.TABLE_PREFIX))
                .key(Map.of("idempotencyKey", AttributeValue.fromS("requests:" + key)))).hasItem()).isFalse();
        // the key is still free for a valid request
        assertThat(post(key, BODY).status()).isEqualTo(201);
    }

    @Test
    void aCitizenLooksUpStatusWithTheCodeAndAWrongCodeLooksLikeAnUnknownNumber() {
        JsonNode receipt = json.readTree(post(UUID.randomUUID().toString(), BODY).body());
        String number = receipt.get("trackingNumber").stringValue();
        String code = receipt.get("verificationCode").stringValue();

        HttpResponse found = lookup(number, code, "203.0.113.1");
        assertThat(found.status()).isEqualTo(200);
        JsonNode view = json.readTree(found.body());
        assertThat(view.get("status").stringValue()).isEqualTo("RECEIVED");
        assertThat(view.get("history")).hasSize(1);
        // the phone in no form (not "138" alone: a timestamp's nanoseconds or a tracking number may contain it)
        assertThat(found.body()).doesNotContain("12345678").doesNotContain("1234 5678").doesNotContain("****5678");

        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse wrongCode = lookup(number, wrong, "203.0.113.1");
        HttpResponse unknown = lookup("BM000000000000", code, "203.0.113.1");
        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(wrongCode.body()).isEqualTo(unknown.body());
        assertError(lookup(number, null, "203.0.113.1"), 400, "CODE_REQUIRED");
    }

    @Test
    void lookupsAreRateLimitedPerClient() {
        for (int i = 0; i < 5; i++) {
            assertThat(lookup("BM000000000000", "123456", "198.51.100.7").status()).isEqualTo(404);
        }
        assertError(lookup("BM000000000000", "123456", "198.51.100.7"), 429, "TOO_MANY_REQUESTS");
        assertThat(lookup("BM000000000000", "123456", "198.51.100.8").status()).isEqualTo(404);
    }

    /**
     * Guesses from 24 addresses spread over two instances (each with its own per-address limiter) still count on the
     * ticket: after {@value TrackingCodeLockout#MAX_FAILURES} wrong codes it locks for everyone, the right code
     * included, with Retry-After; when the lock runs out the right code works again.
     */
    @Test
    void wrongCodesFromManyAddressesAndInstancesLockTheTicket() {
        JsonNode receipt = json.readTree(post(UUID.randomUUID().toString(), BODY).body());
        String number = receipt.get("trackingNumber").stringValue();
        String code = receipt.get("verificationCode").stringValue();
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        List<HttpApi> instances = List.of(
                new HttpApi(List.of(statusRoute(new RateLimiter(30, Duration.ofMinutes(10), clock), clock))),
                new HttpApi(List.of(statusRoute(new RateLimiter(30, Duration.ofMinutes(10), clock), clock))));
        java.util.function.BiFunction<Integer, String, HttpResponse> guess = (i, tried) -> instances.get(i % 2).handle(
                new HttpRequest("GET", "/v1/requests/" + number, Map.of(HttpRequest.SOURCE_IP, "192.0.2." + (i % 24)),
                        Map.of("code", tried), "", "t", Map.of()));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < TrackingCodeLockout.MAX_FAILURES - 1; i++) {
            assertThat(guess.apply(i, wrong).status()).isEqualTo(404);
        }
        HttpResponse locking = guess.apply(TrackingCodeLockout.MAX_FAILURES, wrong);
        assertError(locking, 429, "CODE_LOCKED");
        for (int i = 0; i < 2; i++) {
            HttpResponse right = guess.apply(i, code);
            assertError(right, 429, "CODE_LOCKED");
            assertThat(Long.parseLong(right.headers().get("retry-after")))
                    .isBetween(1L, TrackingCodeLockout.LOCK_FOR.toSeconds());
        }
        now.set(now.get().plus(TrackingCodeLockout.LOCK_FOR).plusSeconds(1));
        assertThat(guess.apply(3, code).status()).isEqualTo(200);
        assertThat(guess.apply(4, wrong).status()).as("counting starts again").isEqualTo(404);
    }

    private static void assertError(HttpResponse response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("error").get("code").stringValue()).isEqualTo(code);
    }
}
