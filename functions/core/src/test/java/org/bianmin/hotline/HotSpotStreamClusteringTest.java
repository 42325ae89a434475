package org.bianmin.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.bianmin.BianminApplication;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.devices.application.DeviceRules;
import org.bianmin.devices.application.ProcessingDeviceEvent;
import org.bianmin.devices.infrastructure.DynamoAlarmStore;
import org.bianmin.devices.infrastructure.DynamoDeadLetterStore;
import org.bianmin.devices.infrastructure.DynamoDeviceStore;
import org.bianmin.devices.web.DeviceRoutes;
import org.bianmin.hotline.application.FilingRequest;
import org.bianmin.hotline.application.HotlineDirectoryService;
import org.bianmin.hotline.application.HotlineIntakeService;
import org.bianmin.hotline.application.PhoneProtector;
import org.bianmin.hotline.classification.GridRegistry;
import org.bianmin.hotline.classification.RequestClassifier;
import org.bianmin.hotline.classification.Taxonomy;
import org.bianmin.hotline.infrastructure.DynamoHotSpotStore;
import org.bianmin.hotline.infrastructure.DynamoTicketStore;
import org.bianmin.hotline.infrastructure.HolidayFile;
import org.bianmin.hotline.model.Deadlines;
import org.bianmin.hotline.model.WorkingCalendar;
import org.bianmin.http.Access;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRequest;
import org.bianmin.http.HttpResponse;
import org.bianmin.store.DynamoIdempotency;
import org.bianmin.testing.DynamoDbTestServer;
import org.bianmin.testing.Knowledge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In AWS every new ticket reaches a hot spot through the tickets table's stream, whichever function filed it: a
 * ticket filed by a device alarm (through the hotline's intake port, as the device functions file, which do not
 * cluster themselves) is not in any cluster until the stream's record, in AWS's own event shape, goes through the
 * real handler ({@code hotSpotClustering}, Spring Cloud Function's {@link FunctionInvoker}); then it is, and a
 * redelivered record changes nothing.
 */
class HotSpotStreamClusteringTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String[] PROPERTIES = {"MAIN_CLASS", "spring.cloud.function.definition", "AWS_LAMBDA_FUNCTION_NAME"};
    private static final byte[] KEY = "test-key-0123456789-0123456789ab".getBytes();
    private static final String P = DynamoDbTestServer.TABLE_PREFIX;
    private static final Taxonomy taxonomy = Taxonomy.loadDefault();
    private static final DynamoTicketStore tickets = new DynamoTicketStore(DynamoDbTestServer.client(), P);
    private static final DynamoHotSpotStore hotSpots = new DynamoHotSpotStore(DynamoDbTestServer.client(), P, true);
    private static final DynamoAlarmStore alarms = new DynamoAlarmStore(DynamoDbTestServer.client(), P);
    private static final DynamoDeviceStore devices = new DynamoDeviceStore(DynamoDbTestServer.client(), P);
    private static final ProcessingDeviceEvent processing = new ProcessingDeviceEvent(
            DeviceRules.loadDefault(code -> taxonomy.leaf(code).isPresent()), devices, alarms,
            new DynamoDeadLetterStore(DynamoDbTestServer.client(), P),
            new HotlineIntakeService(new FilingRequest(new RequestClassifier(taxonomy, Knowledge.BASE.entries(), Knowledge.ANALYZER),
                    GridRegistry.loadDefault(), new Deadlines(HolidayFile.loadDefault()), tickets, new PhoneProtector(KEY, KEY),
                    Clock.systemUTC()), taxonomy, new DynamoIdempotency(DynamoDbTestServer.client(), P, Clock.systemUTC())),
            new HotlineDirectoryService(taxonomy, GridRegistry.loadDefault()), Clock.systemUTC());
    private static final HttpApi deviceApi = new HttpApi(new DeviceRoutes(devices, alarms,
            new DynamoDeadLetterStore(DynamoDbTestServer.client(), P), processing, DeviceCredentials.development()).routes());
    private static FunctionInvoker handler;

    @BeforeAll
    static void startHandler() {
        System.setProperty("MAIN_CLASS", BianminApplication.class.getName());
        System.setProperty("spring.cloud.function.definition", "hotSpotClustering");
        System.setProperty("AWS_LAMBDA_FUNCTION_NAME", "bianmin-test-hotspot-clustering");
        DynamoDbTestServer.springProperties().forEach(System::setProperty);
        handler = new FunctionInvoker();
    }

    @AfterAll
    static void clear() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
        DynamoDbTestServer.springProperties().keySet().forEach(System::clearProperty);
    }

    @Test
    void aTicketFiledByADeviceAlarmLandsInAHotSpotThroughTheStream() throws Exception {
        String first = smokeAlarmTicket();
        String second = smokeAlarmTicket();
        assertThat(hotSpots.clusterOf(first)).as("not clustered by the device path itself").isEmpty();

        assertThat(invoke(first).get("batchItemFailures")).isEmpty();
        assertThat(invoke(second).get("batchItemFailures")).isEmpty();

        String cluster = hotSpots.clusterOf(first).orElseThrow();
        assertThat(hotSpots.members(cluster, Instant.EPOCH, Instant.now().plusSeconds(60)))
                .anySatisfy(m -> assertThat(m.trackingNumber()).isEqualTo(first));
        // the same detector type at the same address: the same problem at the same place, one hot spot
        assertThat(hotSpots.clusterOf(second)).contains(cluster);

        // a redelivered record (streams deliver at least once) leaves the ticket where it is
        assertThat(invoke(first).get("batchItemFailures")).isEmpty();
        assertThat(hotSpots.clusterOf(first)).contains(cluster);
        assertThat(hotSpots.members(cluster, Instant.EPOCH, Instant.now().plusSeconds(60))
                .stream().filter(m -> m.trackingNumber().equals(first)).count()).isEqualTo(1);
    }

    /** A smoke detector at one address raises an alarm, which files an urgent ticket through the intake port. */
    private static String smokeAlarmTicket() {
        String id = "SMO-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> admin = Map.of(HttpRequest.CLAIM_PREFIX + "sub", "admin-1",
                HttpRequest.CLAIM_PREFIX + "role", Access.DEVICE_ADMIN_ROLE, "content-type", "application/json");
        HttpResponse registered = deviceApi.handle(new HttpRequest("POST", "/v1/devices", admin, Map.of(),
                "{\"deviceId\":\"" + id + "\",\"type\":\"smoke_detector\",\"district\":\"东湖区\","
                        + "\"address\":\"东湖区桂花路26号5楼\",\"owner\":\"桂花社区物业\",\"ownerPhone\":\"13800009999\"}", "t", Map.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String at = java.time.OffsetDateTime.now(WorkingCalendar.ZONE).minusMinutes(5).withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        ProcessingDeviceEvent.Result result = processing.process("iot",
                "{\"deviceId\":\"" + id + "\",\"timestamp\":\"" + at + "\",\"readings\":{\"smoke\":1}}");
        assertThat(result.outcome()).isEqualTo(ProcessingDeviceEvent.Outcome.ALARM_OPENED);
        String trackingNumber = result.alarm().trackingNumber();
        assertThat(tickets.find(trackingNumber).orElseThrow().channel()).isEqualTo("device");
        return trackingNumber;
    }

    /** The stream record of an inserted ticket, in AWS's event shape, through the real handler. */
    private static JsonNode invoke(String trackingNumber) throws Exception {
        String event;
        try (InputStream in = HotSpotStreamClusteringTest.class.getClassLoader().getResourceAsStream("events/dynamodb-ticket-insert.json")) {
            event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("TRACKING_NUMBER", trackingNumber);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new org.bianmin.testing.TestLambdaContext());
        return json.readTree(out.toByteArray());
    }
}
