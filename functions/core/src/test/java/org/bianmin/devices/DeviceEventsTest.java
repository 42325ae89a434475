package org.bianmin.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.http.Access;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.devices.application.DetectingOfflineDevices;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.devices.application.DeviceRules;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.devices.application.ProcessingDeviceEvent.Outcome;
import org.bianmin.devices.web.DeviceRoutes;
import org.bianmin.devices.model.Alarm;
import org.bianmin.devices.model.AlarmType;
import org.bianmin.devices.infrastructure.DynamoAlarmStore;
import org.bianmin.devices.infrastructure.DynamoDeadLetterStore;
import org.bianmin.devices.infrastructure.DynamoDeviceStore;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.HotlineDirectoryService;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.Ticket;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.model.SlaClass;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.store.Tables;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.hotline.HotlineIntake;
import org.bianmin.hotline.IntakeCommand;
import org.bianmin.hotline.IntakeReceipt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Device events into deduplicated alarms and hotline tickets, with registry, alarms and dead letters in dynalite. */
class DeviceEventsTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final String P = DynamoDbTestServer.TABLE_PREFIX;
    private static final Taxonomy taxonomy = Taxonomy.loadDefault();
    private static final DynamoTicketStore tickets = new DynamoTicketStore(DynamoDbTestServer.client(), P);
    private static final DynamoAlarmStore alarms = new DynamoAlarmStore(DynamoDbTestServer.client(), P);
    private static final DynamoDeadLetterStore deadLetters = new DynamoDeadLetterStore(DynamoDbTestServer.client(), P);
    /** The hotline as devices see it: only its published ports. */
    private static final HotlineIntakeService hotline = new HotlineIntakeService(
            new FilingRequest(new RequestClassifier(taxonomy, Knowledge.BASE.entries(), Knowledge.ANALYZER), GridRegistry.loadDefault(),
                    new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(KEY, KEY), Clock.systemUTC()),
            taxonomy, new DynamoIdempotency(DynamoDbTestServer.client(), P, Clock.systemUTC()));
    private static final ProcessingDeviceEvent processing = new ProcessingDeviceEvent(
            DeviceRules.loadDefault(code -> taxonomy.leaf(code).isPresent()), new DynamoDeviceStore(DynamoDbTestServer.client(), P),
            alarms, deadLetters, hotline, new HotlineDirectoryService(taxonomy, GridRegistry.loadDefault()), Clock.systemUTC());
    private final HttpApi api = new HttpApi(new DeviceRoutes(new DynamoDeviceStore(DynamoDbTestServer.client(), P), alarms,
            deadLetters, processing, DeviceCredentials.development()).routes());
    /** A device administrator's verified claims, as the staff authorizer passes them on. */
    private static final Map<String, String> ADMIN = Map.of(HttpRequest.CLAIM_PREFIX + "sub", "admin-1",
            HttpRequest.CLAIM_PREFIX + "role", Access.DEVICE_ADMIN_ROLE);

    /** A registry call by a device administrator. */
    private HttpResponse post(String path, String body) {
        return post(path, body, ADMIN);
    }

    private HttpResponse post(String path, String body, Map<String, String> claims) {
        Map<String, String> headers = new java.util.HashMap<>(claims);
        headers.put("content-type", "application/json");
        return api.handle(new HttpRequest("POST", path, headers, Map.of(), body, "t", Map.of()));
    }

    private HttpResponse get(String path, Map<String, String> claims, Map<String, String> query) {
        return api.handle(new HttpRequest("GET", path, claims, query, "", "t", Map.of()));
    }

    /** An event over HTTP, sent with the credentials of {@code sender} (as for MQTT). */
    private HttpResponse event(String sender, String body) {
        return eventWith(basic(sender, DeviceCredentials.development().passwordFor(sender)), body);
    }

    private HttpResponse eventWith(String authorization, String body) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("content-type", "application/json"));
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return api.handle(new HttpRequest("POST", "/v1/devices/events", headers, Map.of(), body, "t", Map.of()));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void onlyDeviceAdministratorsRegisterImportAndListAlarms() {
        String id = register("smoke_detector");
        String takeover = "{\"deviceId\":\"" + id + "\",\"type\":\"smoke_detector\",\"address\":\"别处\","
                + "\"owner\":\"冒充者\",\"ownerPhone\":\"13900001111\"}";
        Map<String, String> departmentStaff = Map.of(HttpRequest.CLAIM_PREFIX + "sub", "cg-1",
                HttpRequest.CLAIM_PREFIX + "department", "市城市管理局");
        assertThat(post("/v1/devices", takeover, Map.of()).status()).isEqualTo(401);
        assertThat(post("/v1/devices", takeover, departmentStaff).status()).isEqualTo(403);
        assertThat(post("/v1/devices/import", "[" + takeover + "]", Map.of()).status()).isEqualTo(401);
        assertThat(post("/v1/devices/import", "[" + takeover + "]", departmentStaff).status()).isEqualTo(403);
        assertThat(new DynamoDeviceStore(DynamoDbTestServer.client(), P).find(id).orElseThrow().ownerPhone()).isEqualTo("13800009999");

        assertThat(get("/v1/alarms", Map.of(), Map.of()).status()).isEqualTo(401);
        assertThat(get("/v1/alarms", departmentStaff, Map.of()).status()).isEqualTo(403);
        assertThat(get("/v1/alarms", ADMIN, Map.of()).status()).isEqualTo(200);
        assertThat(get("/v1/alarms", Map.of(HttpRequest.CLAIM_PREFIX + "sub", "dispatcher",
                HttpRequest.CLAIM_PREFIX + "role", Access.DISPATCH_ROLE), Map.of()).status()).isEqualTo(200);
    }

    @Test
    void httpEventsNeedTheDevicesOwnCredentialsAndOnlyForItself() {
        String mine = register("smoke_detector");
        String theirs = register("smoke_detector");
        String smoke = "{\"deviceId\":\"" + theirs + "\",\"readings\":{\"smoke\":1}}";
        assertThat(eventWith(null, smoke).status()).isEqualTo(401);
        assertThat(eventWith(basic(theirs, "guessed"), smoke).status()).isEqualTo(401);
        assertThat(eventWith("Basic !!!", smoke).status()).isEqualTo(401);
        HttpResponse forged = event(mine, smoke);
        assertThat(forged.status()).as(forged.body()).isEqualTo(403);
        assertThat(alarms.find(theirs, AlarmType.SMOKE)).isEmpty();
        assertThat(event(theirs, smoke).status()).isEqualTo(202);
        assertThat(alarms.find(theirs, AlarmType.SMOKE)).isPresent();
    }

    /** An event time {@code minutes} before now, as devices send it (ISO 8601 with the +08:00 offset). */
    private static String minutesAgo(long minutes) {
        // ISO_OFFSET_DATE_TIME keeps ":00" seconds, which toString() drops (and RFC 3339 requires)
        return java.time.OffsetDateTime.now(WorkingCalendar.ZONE).minusMinutes(minutes).withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private String register(String type) {
        String id = type.substring(0, 3).toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse response = post("/v1/devices", "{\"deviceId\":\"" + id + "\",\"type\":\"" + type + "\",\"district\":\"东湖区\","
                + "\"address\":\"东湖区桂花路18号3楼\",\"owner\":\"桂花社区物业\",\"ownerPhone\":\"13800009999\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    @Test
    void aSmokeAlarmFilesOneUrgentTicketForTheGridAndRepeatsUpdateTheSameAlarm() {
        String id = register("smoke_detector");
        HttpResponse first = event(id, "{\"deviceId\":\"" + id + "\",\"timestamp\":\"" + minutesAgo(10) + "\",\"readings\":{\"smoke\":1}}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        JsonNode opened = json.readTree(first.body());
        assertThat(opened.get("outcome").stringValue()).isEqualTo("ALARM_OPENED");
        String trackingNumber = opened.get("alarm").get("trackingNumber").stringValue();
        Ticket ticket = tickets.find(trackingNumber).orElseThrow();
        assertThat(ticket.sla()).isEqualTo(SlaClass.URGENT);
        assertThat(ticket.channel()).isEqualTo("device");
        assertThat(ticket.grid().community()).isEqualTo("桂花社区");
        assertThat(ticket.text()).contains("烟感报警", id);

        JsonNode repeated = json.readTree(event(id,
                "{\"deviceId\":\"" + id + "\",\"timestamp\":\"" + minutesAgo(5) + "\",\"readings\":{\"smoke\":1}}").body());
        assertThat(repeated.get("outcome").stringValue()).isEqualTo("ALARM_REPEATED");
        assertThat(repeated.get("alarm").get("count").intValue()).isEqualTo(2);
        assertThat(repeated.get("alarm").get("trackingNumber").stringValue()).isEqualTo(trackingNumber);
    }

    @Test
    void thresholdsAndTheConfidenceFloorDecideWhatIsAnAlarm() {
        String monitor = register("electrical_fire_monitor");
        assertThat(processing.process("test", "{\"deviceId\":\"" + monitor + "\",\"readings\":{\"residualCurrentMa\":120,\"cableTemperatureC\":45}}")
                .outcome()).isEqualTo(Outcome.NO_ALARM);
        assertThat(processing.process("test", "{\"deviceId\":\"" + monitor + "\",\"readings\":{\"residualCurrentMa\":350}}")
                .outcome()).isEqualTo(Outcome.ALARM_OPENED);
        String camera = register("camera");
        assertThat(processing.process("test", "{\"deviceId\":\"" + camera + "\",\"detection\":\"street_vendor\",\"confidence\":0.4}")
                .outcome()).isEqualTo(Outcome.BELOW_CONFIDENCE);
        ProcessingDeviceEvent.Result vendor = processing.process("test", "{\"deviceId\":\"" + camera
                + "\",\"detection\":\"street_vendor\",\"confidence\":0.91,\"snapshotUrl\":\"https://snapshots.example/1.jpg\"}");
        assertThat(vendor.outcome()).isEqualTo(Outcome.ALARM_OPENED);
        assertThat(tickets.find(vendor.alarm().trackingNumber()).orElseThrow().categoryCode()).isEqualTo("CXJS-CSGL-ZDJY");
    }

    private static String smoke(String id, String timestamp) {
        return "{\"deviceId\":\"" + id + "\"," + (timestamp == null ? "" : "\"timestamp\":\"" + timestamp + "\",")
                + "\"readings\":{\"smoke\":1}}";
    }

    private static java.time.Instant lastHeard(String id) {
        return java.time.Instant.parse(DynamoDbTestServer.client().getItem(g -> g.tableName(Tables.DEVICES.tableName(P)).consistentRead(true)
                .key(Map.of("deviceId", AttributeValue.fromS(id)))).item().get("lastHeard").s());
    }

    @Test
    void eventTimesOutsideTheWindowAreDeadLetteredAndOlderEventsNeverReplaceNewerState() {
        String id = register("smoke_detector");
        assertThat(processing.process("test", smoke(id, minutesAgo(0))).outcome()).isEqualTo(Outcome.ALARM_OPENED);
        Alarm opened = alarms.find(id, AlarmType.SMOKE).orElseThrow();
        java.time.Instant heard = lastHeard(id);

        // the adversarial sequence: a clock in 2099, one in 1970, an hour ahead, a day and an hour behind
        int before = deadLetters.count();
        for (String when : new String[] {"2099-01-01T00:00:00+08:00", "1970-01-01T00:00:00Z", minutesAgo(-60), minutesAgo(25 * 60)}) {
            ProcessingDeviceEvent.Result result = processing.process("test", smoke(id, when));
            assertThat(result.outcome()).as(when).isEqualTo(Outcome.DEAD_LETTER);
            assertThat(result.reason()).as(when).startsWith("OUT_OF_TIME_WINDOW");
        }
        assertThat(deadLetters.count()).isEqualTo(before + 4);
        assertThat(alarms.find(id, AlarmType.SMOKE).orElseThrow()).isEqualTo(opened);
        assertThat(lastHeard(id)).isEqualTo(heard);
        assertThat(ticketsMentioning(id)).containsExactly(opened.trackingNumber());

        // a late event from inside the window is counted on the alarm, but moves neither lastSeen nor lastHeard back
        ProcessingDeviceEvent.Result late = processing.process("test", smoke(id, minutesAgo(20)));
        assertThat(late.outcome()).isEqualTo(Outcome.ALARM_REPEATED);
        assertThat(late.alarm().count()).isEqualTo(2);
        assertThat(late.alarm().lastSeen()).isEqualTo(opened.lastSeen());
        assertThat(lastHeard(id)).isEqualTo(heard);

        // once staff resolved it, an event from before the resolution does not reopen it
        assertThat(alarms.changeStatus(id, AlarmType.SMOKE, Alarm.AlarmStatus.OPEN, Alarm.AlarmStatus.RESOLVED)).isTrue();
        ProcessingDeviceEvent.Result stale = processing.process("test", smoke(id, minutesAgo(3)));
        assertThat(stale.outcome()).isEqualTo(Outcome.STALE);
        assertThat(alarms.find(id, AlarmType.SMOKE).orElseThrow().status()).isEqualTo(Alarm.AlarmStatus.RESOLVED);
        assertThat(ticketsMentioning(id)).containsExactly(opened.trackingNumber());

        // smoke seen after the resolution is a new alarm with its own ticket
        ProcessingDeviceEvent.Result again = processing.process("test", smoke(id, null));
        assertThat(again.outcome()).isEqualTo(Outcome.ALARM_OPENED);
        assertThat(again.alarm().trackingNumber()).isNotNull().isNotEqualTo(opened.trackingNumber());
        assertThat(ticketsMentioning(id)).containsExactlyInAnyOrder(opened.trackingNumber(), again.alarm().trackingNumber());
        assertThat(lastHeard(id)).isAfter(heard);
    }

    @Test
    void eventsFromABackedUpQueueAreJudgedByWhenTheyReachedIt() {
        String id = register("water_level");
        String body = "{\"deviceId\":\"" + id + "\",\"timestamp\":\"" + minutesAgo(30 * 60) + "\",\"readings\":{\"waterLevelCm\":35}}";
        java.util.List<ProcessingDeviceEvent.Result> results = new ArrayList<>();
        com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage queued = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        queued.setMessageId("m-1");
        queued.setBody(body);
        // the message reached SQS ten minutes after the reading, and waited there for a day and more
        queued.setAttributes(Map.of("SentTimestamp", Long.toString(java.time.Instant.now().minus(java.time.Duration.ofMinutes(30 * 60 - 10)).toEpochMilli())));
        com.amazonaws.services.lambda.runtime.events.SQSEvent event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        event.setRecords(List.of(queued));
        assertThat(org.bianmin.queue.SqsBatch.process(event, (String payload, java.time.Instant sent) ->
                results.add(processing.process("iot", payload, sent))).getBatchItemFailures()).isEmpty();
        assertThat(results).singleElement().extracting(ProcessingDeviceEvent.Result::outcome).isEqualTo(Outcome.ALARM_OPENED);

        // the same reading arriving only now is a day and more late
        String other = register("water_level");
        assertThat(processing.process("iot", body.replace(id, other)).reason()).startsWith("OUT_OF_TIME_WINDOW");
    }

    @Test
    void readingsOutsideTheirPhysicalRangeRaiseNoAlarm() {
        String monitor = register("electrical_fire_monitor");
        String detector = register("smoke_detector");
        for (String payload : new String[] {
                "{\"deviceId\":\"" + monitor + "\",\"readings\":{\"residualCurrentMa\":1e999}}",
                "{\"deviceId\":\"" + monitor + "\",\"readings\":{\"cableTemperatureC\":1e999}}",
                "{\"deviceId\":\"" + monitor + "\",\"readings\":{\"residualCurrentMa\":-1e999}}",
                "{\"deviceId\":\"" + detector + "\",\"readings\":{\"smoke\":-5}}"}) {
            ProcessingDeviceEvent.Result result = processing.process("test", payload);
            assertThat(result.outcome()).as(payload).isEqualTo(Outcome.DEAD_LETTER);
            assertThat(result.reason()).as(payload).startsWith("INVALID_FIELDS");
        }
        assertThat(alarms.find(monitor, AlarmType.ELECTRICAL_FIRE)).isEmpty();
        assertThat(ticketsMentioning(monitor)).isEmpty();
    }

    @Test
    void badPayloadsAndUnknownDevicesGoToTheDeadLetterStoreWithTheirReason() {
        int before = deadLetters.count();
        assertThat(processing.process("test", "{not json").reason()).startsWith("MALFORMED_JSON");
        assertThat(processing.process("test", "{\"deviceId\":\"NOPE-1\",\"readings\":{\"smoke\":1}}").reason()).startsWith("UNKNOWN_DEVICE");
        assertThat(processing.process("test", "{\"deviceId\":\"X\",\"detection\":\"ufo\",\"confidence\":0.9}").reason()).startsWith("UNKNOWN_TYPE");
        assertThat(processing.process("test", "{\"deviceId\":\"X\",\"readings\":{\"smoke\":\"" + "x".repeat(70_000) + "\"}}").reason())
                .startsWith("TOO_LARGE");
        assertThat(deadLetters.count()).isEqualTo(before + 4);
        HttpResponse rejected = event("X", "[1,2,3]");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(json.readTree(get("/v1/devices/dead-letters", ADMIN, Map.of())
                .body()).get("count").intValue()).isEqualTo(before + 5);
    }

    /** The real intake behind a fault: the first filing fails before the hotline sees it, or after it stored the ticket. */
    private static final class FailingFirstFiling implements HotlineIntake {

        private final boolean afterFiling;
        private final java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();

        FailingFirstFiling(boolean afterFiling) {
            this.afterFiling = afterFiling;
        }

        @Override
        public IntakeReceipt file(IntakeCommand command) {
            throw new UnsupportedOperationException("devices file once per alarm");
        }

        @Override
        public IntakeReceipt fileOnce(String key, IntakeCommand command) {
            if (!afterFiling && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("hotline unavailable");
            }
            IntakeReceipt receipt = hotline.fileOnce(key, command);
            if (afterFiling && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("instance lost after the ticket was stored");
            }
            return receipt;
        }

        @Override
        public org.bianmin.hotline.ImportReceipt fileHistorical(org.bianmin.hotline.HistoricalRequest request) {
            throw new UnsupportedOperationException("devices never import history");
        }
    }

    @Test
    void whenTheFirstFilingFailsTheRetryFilesExactlyOneTicket() {
        for (boolean afterFiling : new boolean[] {false, true}) {
            ProcessingDeviceEvent failingOnce = new ProcessingDeviceEvent(
                    DeviceRules.loadDefault(code -> taxonomy.leaf(code).isPresent()), new DynamoDeviceStore(DynamoDbTestServer.client(), P),
                    alarms, deadLetters, new FailingFirstFiling(afterFiling), new HotlineDirectoryService(taxonomy, GridRegistry.loadDefault()),
                    Clock.systemUTC());
            String id = register("smoke_detector");
            String payload = "{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}";
            // the queue sees the failure and delivers the message again
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> failingOnce.process("test", payload))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(alarms.find(id, AlarmType.SMOKE).orElseThrow().trackingNumber()).isNull();

            ProcessingDeviceEvent.Result retried = failingOnce.process("test", payload);
            assertThat(retried.outcome()).isEqualTo(Outcome.ALARM_REPEATED);
            String trackingNumber = alarms.find(id, AlarmType.SMOKE).orElseThrow().trackingNumber();
            assertThat(trackingNumber).as("after filing: " + afterFiling).isNotNull();
            assertThat(ticketsMentioning(id)).as("after filing: " + afterFiling).containsExactly(trackingNumber);

            // later repeats keep the one ticket
            failingOnce.process("test", payload);
            assertThat(ticketsMentioning(id)).containsExactly(trackingNumber);
        }
    }

    private static List<String> ticketsMentioning(String deviceId) {
        List<String> found = new ArrayList<>();
        DynamoDbTestServer.client().scanPaginator(s -> s.tableName(Tables.TICKETS.tableName(P))
                        .filterExpression("contains(#t, :id)").expressionAttributeNames(Map.of("#t", "text"))
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(deviceId))))
                .items().forEach(item -> found.add(item.get("trackingNumber").s()));
        return found;
    }

    @Test
    void concurrentRepeatsOpenExactlyOneAlarmAndOneTicket() throws Exception {
        String id = register("water_level");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ProcessingDeviceEvent.Result>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> processing.process("test", "{\"deviceId\":\"" + id + "\",\"readings\":{\"waterLevelCm\":35}}")));
        }
        int opened = 0;
        for (Future<ProcessingDeviceEvent.Result> result : results) {
            opened += result.get().outcome() == Outcome.ALARM_OPENED ? 1 : 0;
        }
        pool.shutdown();
        assertThat(opened).isEqualTo(1);
        Alarm alarm = alarms.find(id, org.bianmin.devices.model.AlarmType.WATERLOGGING).orElseThrow();
        assertThat(alarm.count()).isEqualTo(8);
        assertThat(ticketsMentioning(id)).containsExactly(alarm.trackingNumber());
    }

    @Test
    void aSilentDeviceGoesOfflineAndItsNextEventBringsItBack() {
        String id = register("garbage_bin");
        DeviceRules rules = DeviceRules.loadDefault(code -> taxonomy.leaf(code).isPresent());
        Clock later = Clock.fixed(java.time.Instant.now().plus(java.time.Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        new DetectingOfflineDevices(new DynamoDeviceStore(DynamoDbTestServer.client(), P), alarms, rules, later).run();
        assertThat(alarms.find(id, AlarmType.DEVICE_OFFLINE).orElseThrow().status()).isEqualTo(Alarm.AlarmStatus.OPEN);

        // the next heartbeat arrives after that check
        ProcessingDeviceEvent processingLater = new ProcessingDeviceEvent(rules, new DynamoDeviceStore(DynamoDbTestServer.client(), P),
                alarms, deadLetters, hotline, new HotlineDirectoryService(taxonomy, GridRegistry.loadDefault()), later);
        processingLater.process("test", "{\"deviceId\":\"" + id + "\",\"event\":\"heartbeat\"}");
        assertThat(alarms.find(id, AlarmType.DEVICE_OFFLINE).orElseThrow().status()).isEqualTo(Alarm.AlarmStatus.RESOLVED);
    }

    @Test
    void staffMarkAFalsePositiveAndClosedAlarmsStayClosed() {
        String id = register("smoke_detector");
        processing.process("test", "{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}");
        String path = "/v1/staff/alarms/" + id + "/SMOKE/actions";
        Map<String, String> staff = Map.of("content-type", "application/json", HttpRequest.CLAIM_PREFIX + "sub", "dispatcher",
                HttpRequest.CLAIM_PREFIX + "role", Access.DISPATCH_ROLE);
        assertThat(api.handle(new HttpRequest("POST", path, Map.of("content-type", "application/json"), Map.of(),
                "{\"action\":\"resolve\"}", "t", Map.of())).status()).isEqualTo(401);
        assertThat(api.handle(new HttpRequest("POST", path, staff, Map.of(), "{\"action\":\"explode\"}", "t", Map.of())).status()).isEqualTo(400);
        HttpResponse marked = api.handle(new HttpRequest("POST", path, staff, Map.of(), "{\"action\":\"false_positive\"}", "t", Map.of()));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(json.readTree(marked.body()).get("status").stringValue()).isEqualTo("FALSE_POSITIVE");
        assertThat(api.handle(new HttpRequest("POST", path, staff, Map.of(), "{\"action\":\"resolve\"}", "t", Map.of())).status()).isEqualTo(409);
        assertThat(DynamoDbTestServer.client().getItem(g -> g.tableName(org.bianmin.store.Tables.DEVICES.tableName(P))
                .key(Map.of("deviceId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id)))).item()
                .get("falsePositives").n()).isEqualTo("1");
    }

    @Test
    void racingFalsePositiveMarksCloseTheAlarmOnceAndCountOnce() throws Exception {
        String id = register("smoke_detector");
        processing.process("test", "{\"deviceId\":\"" + id + "\",\"readings\":{\"smoke\":1}}");
        String path = "/v1/staff/alarms/" + id + "/SMOKE/actions";
        Map<String, String> staff = Map.of("content-type", "application/json", HttpRequest.CLAIM_PREFIX + "sub", "dispatcher",
                HttpRequest.CLAIM_PREFIX + "role", Access.DISPATCH_ROLE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> api.handle(new HttpRequest("POST", path, staff, Map.of(),
                    "{\"action\":\"false_positive\"}", "t", Map.of())).status()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> call : calls) {
            statuses.add(call.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(DynamoDbTestServer.client().getItem(g -> g.tableName(org.bianmin.store.Tables.DEVICES.tableName(P))
                .key(Map.of("deviceId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id)))).item()
                .get("falsePositives").n()).isEqualTo("1");
    }

    @Test
    void registrationAndImportValidateEveryDevice() {
        assertThat(post("/v1/devices", "{\"deviceId\":\"A-1\",\"type\":\"toaster\",\"owner\":\"x\",\"ownerPhone\":\"13800009999\",\"address\":\"桂花路\"}").status()).isEqualTo(400);
        assertThat(post("/v1/devices", "{\"deviceId\":\"A-1\",\"type\":\"camera\",\"owner\":\"x\",\"ownerPhone\":\"123\",\"address\":\"桂花路\"}").status()).isEqualTo(400);
        HttpResponse partial = post("/v1/devices/import", "[{\"deviceId\":\"IMP-1\",\"type\":\"camera\",\"owner\":\"x\",\"ownerPhone\":\"13800009999\","
                + "\"address\":\"桂花路\"},{\"deviceId\":\"IMP-2\",\"type\":\"camera\"}]");
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.body()).contains("第2台设备");
        assertThat(new DynamoDeviceStore(DynamoDbTestServer.client(), P).find("IMP-1")).isEmpty();
        assertThat(post("/v1/devices/import", "[{\"deviceId\":\"IMP-1\",\"type\":\"camera\",\"owner\":\"x\",\"ownerPhone\":\"13800009999\","
                + "\"address\":\"桂花路\"}]").status()).isEqualTo(200);
    }
}
