package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.http.Access;
import org.bianmin.http.HttpApi;
import org.bianmin.http.HttpRoute;
import org.bianmin.local.metrics.MetricsRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi.yaml against the code, the way TemplateTest holds template.yaml to it: every route the local runtime
 * serves (all of the capabilities' routes plus its own docs routes) is an operation of the document and the reverse,
 * with the same path and query parameters, statuses and security; and real responses of the running local runtime,
 * successes and errors, validate against the document.
 */
class OpenApiTest {

    private static final OpenApiDocument document = OpenApiDocument.load();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static ConfigurableApplicationContext runtime;
    private static String base;
    private static LocalTokens tokens;
    private static final List<String> problems = new ArrayList<>();
    private static final Set<String> checked = new TreeSet<>();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort();
        tokens = runtime.getBean(LocalTokens.class);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theDocumentIsOpenApi31WithASchemeForEveryKindOfCaller() {
        assertThat(document.version()).startsWith("3.1.");
        assertThat(document.securitySchemes()).containsExactlyInAnyOrder("citizenJwt", "staffJwt", "deviceBasic",
                "metricsScrapeToken");
    }

    /**
     * Every route in the code is in the document and the reverse, each with the same path parameters, query
     * parameters, statuses (the route's own, plus 401 where a token is needed and 403 where only some roles may
     * call) and security. The message names each difference, ready to paste into the document.
     */
    @Test
    void everyRouteOfTheCodeIsInTheDocumentAndTheReverse() {
        Map<String, OpenApiDocument.Operation> inCode = new TreeMap<>();
        for (HttpRoute route : runtime.getBean(HttpApi.class).routes()) {
            String key = route.method() + " " + route.pathTemplate();
            Set<String> pathParameters = new TreeSet<>();
            Matcher m = PATH_PARAMETER.matcher(route.pathTemplate());
            while (m.find()) {
                pathParameters.add(m.group(1));
            }
            inCode.put(key, new OpenApiDocument.Operation(key, pathParameters, new TreeSet<>(route.queryParameters()),
                    new TreeSet<>(statuses(route)), security(route)));
        }
        Map<String, OpenApiDocument.Operation> inDocument = document.operations();
        List<String> differences = new ArrayList<>();
        inCode.forEach((key, operation) -> {
            OpenApiDocument.Operation documented = inDocument.get(key);
            if (documented == null) {
                differences.add("missing in docs/openapi.yaml: " + operation);
            } else if (!documented.equals(operation)) {
                differences.add("differs: code " + operation + "\n         document " + documented);
            }
        });
        inDocument.forEach((key, operation) -> {
            if (!inCode.containsKey(key)) {
                differences.add("in docs/openapi.yaml but served by no route: " + operation);
            }
        });
        assertThat(differences).as(String.join("\n", differences)).isEmpty();
        assertThat(inCode).hasSizeGreaterThanOrEqualTo(30);
    }

    /** A broad spread of real calls, successes and errors, each response validated against the document. */
    @Test
    void realResponsesOfTheLocalRuntimeFitTheDocument() throws Exception {
        String dispatch = "Bearer " + tokens.issueStaff("openapi-test", null, Access.DISPATCH_ROLE, Duration.ofMinutes(30));
        String deviceAdmin = "Bearer " + tokens.issueStaff("openapi-test", null, Access.DEVICE_ADMIN_ROLE, Duration.ofMinutes(30));
        String department = "Bearer " + tokens.issueStaff("openapi-test", "市城市管理局", null, Duration.ofMinutes(30));
        String citizen = "Bearer " + tokens.issueCitizen("11010519491231002X", Duration.ofMinutes(30));

        expect(200, get("/health", null));
        expect(200, postJson("/v1/inquiries", "{\"text\":\"居住证怎么办理\"}", null));
        expect(400, postJson("/v1/inquiries", "{\"text\":\"\"}", null));
        expect(400, send(HttpRequest.newBuilder(uri("/v1/inquiries")).header("content-type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("你好"))));
        expect(200, postJson("/v1/requests/classify", "{\"text\":\"小区门口路灯坏了好几天\"}", null));

        String intake = "{\"text\":\"东湖区桂花路18号门口路灯坏了三天\",\"phone\":\"13812345678\","
                + "\"location\":{\"address\":\"东湖区桂花路18号\"}}";
        String key = "openapi-" + UUID.randomUUID();
        HttpResponse<String> filed = expect(201, send(HttpRequest.newBuilder(uri("/v1/requests"))
                .header("content-type", "application/json").header("idempotency-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(intake))));
        JsonNode receipt = json.readTree(filed.body());
        String trackingNumber = receipt.get("trackingNumber").asString();
        String code = receipt.get("verificationCode").asString();
        expect(422, send(HttpRequest.newBuilder(uri("/v1/requests")).header("content-type", "application/json")
                .header("idempotency-key", key).POST(HttpRequest.BodyPublishers.ofString(intake.replace("三天", "四天")))));
        expect(400, postJson("/v1/requests", intake, null));

        expect(200, get("/v1/requests/" + trackingNumber + "?code=" + code, null));
        expect(404, get("/v1/requests/" + trackingNumber + "?code=" + (code.equals("000000") ? "111111" : "000000"), null));
        expect(400, get("/v1/requests/" + trackingNumber, null));
        expect(409, postJson("/v1/requests/" + trackingNumber + "/rating", "{\"code\":\"" + code + "\",\"rating\":5}", null));
        expect(400, postJson("/v1/requests/" + trackingNumber + "/rating", "{\"code\":\"" + code + "\",\"rating\":9}", null));

        // the chatbot: votes on answers, the gap list, photos on a request
        String session = json.readTree(postJson("/v1/inquiries", "{\"text\":\"居住证怎么办理\"}", null).body()).get("sessionId").asString();
        expect(200, postJson("/v1/inquiries/feedback", "{\"sessionId\":\"" + session + "\",\"question\":\"居住证怎么办理\",\"helpful\":false}", null));
        expect(400, postJson("/v1/inquiries/feedback", "{\"sessionId\":\"" + session + "\",\"question\":\"居住证怎么办理\"}", null));
        expect(200, get("/v1/staff/knowledge-gaps?days=30", dispatch));
        expect(400, get("/v1/staff/knowledge-gaps?days=91", dispatch));
        expect(403, get("/v1/staff/knowledge-gaps", department));
        expect(401, get("/v1/staff/knowledge-gaps", null));
        java.awt.image.BufferedImage pixels = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pixels, "jpg", jpeg);
        String photo = "{\"code\":\"" + code + "\",\"contentType\":\"image/jpeg\",\"data\":\""
                + java.util.Base64.getEncoder().encodeToString(jpeg.toByteArray()) + "\"}";
        expect(201, postJson("/v1/requests/" + trackingNumber + "/photos", photo, null));
        expect(400, postJson("/v1/requests/" + trackingNumber + "/photos", photo.replace("image/jpeg", "image/gif"), null));
        expect(404, postJson("/v1/requests/BM000000000000/photos", photo, null));
        expect(200, get("/v1/staff/requests/" + trackingNumber + "/photos", dispatch));
        expect(200, get("/v1/staff/requests/" + trackingNumber + "/photos/photo-1", dispatch));
        expect(404, get("/v1/staff/requests/" + trackingNumber + "/photos/photo-3", dispatch));
        expect(401, get("/v1/staff/requests/" + trackingNumber + "/photos", null));

        expect(200, get("/v1/staff/requests", dispatch));
        expect(200, get("/v1/staff/requests?status=RECEIVED&department=" + enc("市城市管理局"), dispatch));
        expect(400, get("/v1/staff/requests?status=NOPE", dispatch));
        expect(401, get("/v1/staff/requests", null));
        expect(400, get("/v1/staff/requests?limit=0", dispatch));
        expect(400, get("/v1/staff/requests?limit=201", dispatch));
        assertThat(code(expect(400, get("/v1/staff/requests?cursor=bm90LWEtY3Vyc29y", dispatch)))).isEqualTo("INVALID_CURSOR");
        expect(200, get("/v1/staff/stats", dispatch));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode stats = json.readTree(expect(200, get("/v1/staff/stats?from=" + today.minusDays(6) + "&to=" + today, dispatch)).body());
        assertThat(stats.get("from").asString()).isEqualTo(today.minusDays(6).toString());
        assertThat(stats.get("daily").size()).isEqualTo(7);
        expect(200, get("/v1/staff/stats?from=" + today + "&to=" + today, department));
        expect(200, get("/v1/staff/stats?department=" + enc("市城市管理局"), dispatch));
        expect(403, get("/v1/staff/stats?department=" + enc("市水务局"), department));
        HttpResponse<String> csv = expect(200, get("/v1/staff/stats.csv?table=daily&from=" + today + "&to=" + today, dispatch));
        assertThat(csv.body()).startsWith("\uFEFF日期,");
        expect(200, get("/v1/staff/stats.csv", department));
        expect(400, get("/v1/staff/stats.csv?table=tickets", dispatch));
        expect(403, get("/v1/staff/stats.csv?department=" + enc("市水务局"), department));
        expect(401, get("/v1/staff/stats.csv", null));
        assertThat(code(expect(400, get("/v1/staff/stats?from=" + today + "&to=" + today.minusDays(1), dispatch))))
                .isEqualTo("INVALID_DATE_RANGE");
        expect(400, get("/v1/staff/stats?from=2026-13-01", dispatch));
        expect(200, get("/v1/staff/requests/" + trackingNumber + "/similar", dispatch));
        JsonNode similar = json.readTree(expect(200, get("/v1/staff/requests/" + trackingNumber + "/similar?limit=1", dispatch)).body());
        assertThat(similar.get("similar").size()).isLessThanOrEqualTo(1);
        assertThat(similar.has("nextCursor") && similar.get("nextCursor").isNull()).isTrue();
        assertThat(code(expect(400, get("/v1/staff/requests/" + trackingNumber + "/similar?cursor=abc", dispatch)))).isEqualTo("INVALID_CURSOR");
        assertThat(code(expect(400, get("/v1/staff/requests/" + trackingNumber + "/similar?limit=11", dispatch)))).isEqualTo("INVALID_LIMIT");
        expect(404, get("/v1/staff/requests/BM000000000000/similar", dispatch));
        // the desk: views with counts, search in the body (phones), caller history, notes, and the role refusals
        expect(200, get("/v1/staff/requests/views", dispatch));
        expect(200, get("/v1/staff/requests/views", department));
        expect(403, get("/v1/staff/requests/views?department=" + enc("市交通运输局"), department));
        expect(200, get("/v1/staff/requests?view=due-soon&sort=priority", dispatch));
        assertThat(code(expect(400, get("/v1/staff/requests?sort=random", dispatch)))).isEqualTo("INVALID_SORT");
        assertThat(code(expect(400, get("/v1/staff/requests?q=13812345678", dispatch)))).isEqualTo("PHONE_IN_URL");
        expect(403, get("/v1/staff/requests?view=awaiting-dispatch", department));
        JsonNode byPhone = json.readTree(expect(200, postJson("/v1/staff/requests/search", "{\"q\":\"13812345678\"}", dispatch)).body());
        assertThat(byPhone.get("requests").findValuesAsString("trackingNumber")).contains(trackingNumber);
        expect(400, postJson("/v1/staff/requests/search", "{\"view\":\"nope\"}", dispatch));
        expect(403, postJson("/v1/staff/requests/search", "{\"status\":\"RECEIVED\"}", department));
        expect(401, postJson("/v1/staff/requests/search", "{}", null));
        expect(200, get("/v1/staff/requests/" + trackingNumber + "/caller-tickets", dispatch));
        expect(404, get("/v1/staff/requests/BM000000000000/caller-tickets", dispatch));
        expect(200, postJson("/v1/staff/requests/" + trackingNumber + "/notes", "{\"text\":\"内部核实中\",\"visibility\":\"internal\"}", dispatch));
        expect(400, postJson("/v1/staff/requests/" + trackingNumber + "/notes", "{\"text\":\"\",\"visibility\":\"internal\"}", dispatch));
        expect(403, postJson("/v1/staff/requests/" + trackingNumber + "/notes", "{\"text\":\"看看\",\"visibility\":\"internal\"}", department));
        expect(404, postJson("/v1/staff/requests/BM000000000000/notes", "{\"text\":\"看看\",\"visibility\":\"public\"}", dispatch));
        expect(403, postJson("/v1/staff/requests/" + trackingNumber + "/transitions", "{\"action\":\"accept\"}", dispatch));
        expect(400, postJson("/v1/staff/requests/" + trackingNumber + "/transitions", "{\"action\":\"fly\"}", dispatch));
        expect(404, postJson("/v1/staff/requests/BM000000000000/transitions", "{\"action\":\"escalate\"}", dispatch));
        expect(200, postJson("/v1/staff/requests/import",
                "[{\"id\":\"openapi-1\",\"subject\":\"路灯不亮\",\"detail\":\"桂花路路灯不亮了很久\",\"time\":\"2019/2/28 11:25:05\"}]", dispatch));
        expect(403, postJson("/v1/staff/requests/import", "[{\"id\":\"openapi-2\"}]", department));
        expect(200, get("/v1/staff/hotspots", dispatch));
        expect(200, get("/v1/staff/hotspots?from=2019-02-01&to=2019-03-31&limit=5", department));
        assertThat(code(expect(400, get("/v1/staff/hotspots?from=2019-03-31&to=2019-02-01", dispatch)))).isEqualTo("INVALID_DATE_RANGE");
        assertThat(code(expect(400, get("/v1/staff/hotspots?limit=101", dispatch)))).isEqualTo("INVALID_LIMIT");
        expect(401, get("/v1/staff/hotspots", null));

        // paging: the filed and the imported ticket are two, so a page of one has a next page
        JsonNode first = json.readTree(expect(200, get("/v1/staff/requests?limit=1", dispatch)).body());
        assertThat(first.get("requests").size()).isEqualTo(1);
        String cursor = first.get("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        JsonNode second = json.readTree(expect(200, get("/v1/staff/requests?limit=1&cursor=" + enc(cursor), dispatch)).body());
        assertThat(second.get("requests").get(0).get("trackingNumber"))
                .isNotEqualTo(first.get("requests").get(0).get("trackingNumber"));
        assertThat(code(expect(400, get("/v1/staff/requests?limit=1&status=CLOSED&cursor=" + enc(cursor), dispatch))))
                .as("a cursor of another query").isEqualTo("INVALID_CURSOR");

        // a dispatcher's correction: an unknown category changes nothing, another category is a correction
        String suggested = json.readTree(postJson("/v1/requests/classify", "{\"text\":\"东湖区桂花路18号门口路灯坏了三天\"}", null)
                .body()).get("categoryCode").asString();
        String otherCategory = null;
        for (JsonNode service : json.readTree(get("/open311/v2/services.json", null).body())) {
            if (!service.get("service_code").asString().equals(suggested)) {
                otherCategory = service.get("service_code").asString();
                break;
            }
        }
        assertThat(code(expect(400, postJson("/v1/staff/requests/" + trackingNumber + "/transitions",
                "{\"action\":\"dispatch\",\"categoryCode\":\"NO-SUCH-LEAF\"}", dispatch)))).isEqualTo("UNKNOWN_CATEGORY");
        JsonNode corrected = json.readTree(expect(200, postJson("/v1/staff/requests/" + trackingNumber + "/transitions",
                "{\"action\":\"dispatch\",\"categoryCode\":\"" + otherCategory + "\",\"note\":\"核实后改派\"}", dispatch)).body());
        assertThat(corrected.get("corrected").asBoolean()).isTrue();
        assertThat(corrected.get("suggestion").get("categoryCode").asString()).isEqualTo(suggested);

        JsonNode quality = json.readTree(expect(200, get("/v1/staff/routing/quality?from=" + today.minusDays(29) + "&to=" + today,
                dispatch)).body());
        assertThat(quality.get("corrected").asInt()).isGreaterThanOrEqualTo(1);
        expect(200, get("/v1/staff/routing/quality", dispatch));
        assertThat(code(expect(400, get("/v1/staff/routing/quality?from=30.11.2026", dispatch)))).isEqualTo("INVALID_DATE");
        assertThat(code(expect(400, get("/v1/staff/routing/quality?from=" + today + "&to=" + today.minusDays(1), dispatch))))
                .isEqualTo("INVALID_RANGE");
        expect(403, get("/v1/staff/routing/quality", department));
        expect(401, get("/v1/staff/routing/quality", null));
        HttpResponse<String> export = expect(200, get("/v1/staff/routing/export", dispatch));
        assertThat(export.body().lines().count()).as("the correction is a training row").isGreaterThanOrEqualTo(1);
        assertThat(export.headers().firstValue("content-disposition")).hasValueSatisfying(d -> assertThat(d)
                .matches("attachment; filename=\"routing-corrections-[0-9-]+\\.jsonl\""));
        expect(200, get("/v1/staff/routing/export?from=2019-01-01&to=2019-01-31", dispatch));
        expect(400, get("/v1/staff/routing/export?from=2020-01-01&to=2021-12-31", dispatch));
        expect(403, get("/v1/staff/routing/export", department));
        expect(401, get("/v1/staff/routing/export", null));

        expect(200, get("/v1/approvals/items", null));
        expect(401, postJson("/v1/approvals", "{}", null));
        expect(400, postJson("/v1/approvals", "{\"applicationId\":\"x\"}", citizen));
        expect(401, postJson("/v1/staff/approvals", "{}", null));
        expect(400, postJson("/v1/staff/approvals", "{\"applicationId\":\"staff-000001\",\"item\":\"nope\","
                + "\"applicant\":{\"idNumber\":\"11010519491231002X\",\"name\":\"王某某\"}}", department));
        expect(404, get("/v1/approvals/batches/nope", dispatch));
        expect(400, postJson("/v1/approvals/batches", "{\"item\":\"nope\",\"idNumbers\":[]}", dispatch));

        String device = "{\"deviceId\":\"openapi-smoke-1\",\"type\":\"smoke_detector\",\"address\":\"东湖区桂花路18号\","
                + "\"owner\":\"物业\",\"ownerPhone\":\"13812345678\"}";
        expect(201, postJson("/v1/devices", device, deviceAdmin));
        expect(403, postJson("/v1/devices", device, dispatch));
        expect(200, postJson("/v1/devices/import", "[" + device + "]", deviceAdmin));
        expect(400, postJson("/v1/devices/import", "[]", deviceAdmin));
        expect(200, get("/v1/alarms", dispatch));
        expect(400, get("/v1/alarms?status=LOUD", dispatch));
        assertThat(code(expect(400, get("/v1/alarms?type=LOUD", dispatch)))).isEqualTo("INVALID_TYPE");
        expect(200, get("/v1/alarms?status=OPEN&limit=1", dispatch));
        assertThat(code(expect(400, get("/v1/alarms?limit=500", dispatch)))).isEqualTo("INVALID_LIMIT");
        assertThat(code(expect(400, get("/v1/alarms?cursor=bm90LWEtY3Vyc29y", dispatch)))).isEqualTo("INVALID_CURSOR");
        expect(200, get("/v1/devices/dead-letters", deviceAdmin));
        expect(401, postJson("/v1/devices/events", "{}", null));
        expect(401, postJson("/v1/devices/events", "{}", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "openapi-smoke-1:wrong".getBytes(StandardCharsets.UTF_8))));
        String devicePassword = DeviceCredentials.development().passwordFor("openapi-smoke-1");
        expect(400, postJson("/v1/devices/events", "{\"deviceId\":\"openapi-smoke-1\"}", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("openapi-smoke-1:" + devicePassword).getBytes(StandardCharsets.UTF_8))));
        expect(404, postJson("/v1/staff/alarms/openapi-smoke-1/SMOKE/actions", "{\"action\":\"acknowledge\"}", dispatch));

        for (String format : List.of("json", "xml")) {
            expect(200, get("/open311/v2/discovery." + format, null));
            HttpResponse<String> services = expect(200, get("/open311/v2/services." + format, null));
            String serviceCode = json.readTree(get("/open311/v2/services.json", null).body()).get(0).get("service_code").asString();
            assertThat(services.body()).contains(serviceCode);
            expect(200, get("/open311/v2/services/" + serviceCode + "." + format, null));
            expect(404, get("/open311/v2/services/NOPE." + format, null));
            HttpResponse<String> created = expect(201, postForm("/open311/v2/requests." + format, "service_code=" + serviceCode
                    + "&lat=29.8742&long=121.5268&description=" + enc("桂花路18号门口路灯坏了")));
            assertThat(created.body()).contains("BM");
            expect(400, postForm("/open311/v2/requests." + format, "description=" + enc("路灯坏了好几天了")));
            expect(404, postForm("/open311/v2/requests." + format, "service_code=NOPE&description=" + enc("路灯坏了好几天了")));
            expect(200, get("/open311/v2/requests." + format + "?status=open&service_code=" + serviceCode, null));
            expect(400, get("/open311/v2/requests." + format + "?status=maybe", null));
            // the filed ticket and this format's request are two: a page of one announces the next in its headers
            // (no dates given: the link pins the default range, which moves with the clock, so that its cursor holds)
            HttpResponse<String> page = expect(200, get("/open311/v2/requests." + format + "?limit=1", null));
            String next = page.headers().firstValue("x-next-cursor").orElseThrow();
            String link = page.headers().firstValue("link").orElseThrow();
            assertThat(link).startsWith("</open311/v2/requests." + format + "?").endsWith(">; rel=\"next\"")
                    .contains("cursor=" + enc(next)).contains("start_date=").contains("end_date=");
            Thread.sleep(5);
            HttpResponse<String> following = expect(200, get(link.substring(1, link.indexOf('>')), null));
            assertThat(following.body()).doesNotContain(json.readTree(get("/open311/v2/requests.json?limit=1", null).body())
                    .get(0).get("service_request_id").asString());
            expect(400, get("/open311/v2/requests." + format + "?cursor=bm90LWEtY3Vyc29y", null));
            expect(400, get("/open311/v2/requests." + format + "?limit=201", null));
            expect(400, get("/open311/v2/requests." + format + "?service_code="
                    + String.join(",", java.util.Collections.nCopies(21, "X").stream().map(x -> x + UUID.randomUUID()).toList()), null));
            expect(200, get("/open311/v2/requests/" + trackingNumber + "." + format, null));
            expect(404, get("/open311/v2/requests/BM000000000000." + format, null));
        }

        // issue 15: the citizen's preview of open similar requests, following one, and incidents
        String manhole = json.readTree(expect(201, postKeyed("/v1/requests", "{\"text\":\"西湖区柳汀街的井盖丢了好几天，很危险，请尽快处理井盖\","
                + "\"phone\":\"13600001234\",\"location\":{\"address\":\"西湖区柳汀街\"}}")).body()).get("trackingNumber").asString();
        String similarBody = "{\"text\":\"柳汀街井盖丢了，晚上很危险，井盖一直没人管\",\"location\":{\"address\":\"西湖区柳汀街\"}}";
        JsonNode preview = json.readTree(expect(200, postJson("/v1/requests/similar", similarBody, null)).body());
        assertThat(preview.get("similar").get(0).get("trackingNumber").asString()).isEqualTo(manhole);
        assertThat(code(expect(400, postJson("/v1/requests/similar", "{\"text\":\"灯\"}", null)))).isEqualTo("TEXT_LENGTH");
        String follower = "{\"text\":\"柳汀街井盖丢了，晚上很危险，井盖一直没人管\",\"phone\":\"13700001234\"}";
        expect(400, postJson("/v1/requests/" + manhole + "/follow", follower, null));
        assertThat(code(expect(409, postKeyed("/v1/requests/BM000000000000/follow", follower)))).isEqualTo("NOT_SIMILAR");
        JsonNode followed = json.readTree(expect(201, postKeyed("/v1/requests/" + manhole + "/follow", follower)).body());
        String incidentId = followed.get("incidentId").asString();
        String own = followed.get("trackingNumber").asString();
        JsonNode incident = json.readTree(expect(200, get("/v1/staff/incidents/" + incidentId, dispatch)).body());
        assertThat(incident.get("reporters").asInt()).isEqualTo(2);
        expect(404, get("/v1/staff/incidents/INC000000000000", dispatch));
        JsonNode incidents = json.readTree(expect(200, get("/v1/staff/incidents?limit=5", dispatch)).body());
        assertThat(incidents.get("incidents").get(0).get("incidentId").asString()).isEqualTo(incidentId);
        expect(400, get("/v1/staff/incidents?cursor=garbled", dispatch));
        expect(401, get("/v1/staff/incidents", null));
        expect(401, get("/v1/staff/incidents/" + incidentId, null));
        expect(403, send(HttpRequest.newBuilder(uri("/v1/staff/incidents/" + incidentId + "/tickets/" + own))
                .header("authorization", department).DELETE()));
        expect(200, send(HttpRequest.newBuilder(uri("/v1/staff/incidents/" + incidentId + "/tickets/" + own))
                .header("authorization", dispatch).DELETE()));
        expect(404, send(HttpRequest.newBuilder(uri("/v1/staff/incidents/" + incidentId + "/tickets/" + own))
                .header("authorization", dispatch).DELETE()));
        expect(200, postJson("/v1/staff/incidents/" + incidentId + "/tickets", "{\"trackingNumbers\":[\"" + own + "\"]}", dispatch));
        assertThat(code(expect(409, postJson("/v1/staff/incidents", "{\"trackingNumbers\":[\"" + own + "\",\"" + trackingNumber
                + "\"]}", dispatch)))).isEqualTo("ALREADY_LINKED");
        assertThat(code(expect(400, postJson("/v1/staff/incidents", "{\"trackingNumbers\":[\"" + trackingNumber + "\"]}", dispatch))))
                .isEqualTo("INVALID_TRACKING_NUMBERS");
        expect(403, postJson("/v1/staff/incidents", "{\"trackingNumbers\":[]}", department));
        expect(404, postJson("/v1/staff/incidents/INC000000000000/tickets", "{\"trackingNumbers\":[\"" + trackingNumber + "\"]}", dispatch));
        String another = json.readTree(expect(201, postKeyed("/v1/requests", "{\"text\":\"东湖区桂花路18号门口路灯又坏了\","
                + "\"phone\":\"13600001234\"}")).body()).get("trackingNumber").asString();
        expect(201, postJson("/v1/staff/incidents", "{\"trackingNumbers\":[\"" + trackingNumber + "\",\"" + another + "\"]}", dispatch));

        expect(200, get("/docs/openapi.yaml", null));
        expect(200, get("/docs/api/", null));
        expect(308, get("/docs/api", null));
        expect(200, get("/docs/api/swagger-ui-bundle.js", null));
        expect(404, get("/docs/api/nothing-here.js", null));

        String scrapeToken = LocalConfiguration.scrapeToken(
                runtime.getEnvironment().getProperty(LocalConfiguration.SCRAPE_TOKEN, ""), tokens);
        HttpResponse<String> metrics = expect(200, get("/metrics", "Bearer " + scrapeToken));
        assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t.replace(" ", ""))
                .as("Prometheus text format 0.0.4").startsWith("text/plain;version=0.0.4"));
        assertThat(metrics.body()).contains("http_requests_seconds_count");
        expect(401, get("/metrics", null));
        expect(401, get("/metrics", dispatch));

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        // the spread: every operation of the document was called for real
        assertThat(checked).isEqualTo(document.operations().keySet());
    }

    /** {@code /docs/api/} is Swagger UI from the webjar, set up to read this runtime's document, which it serves. */
    @Test
    void swaggerUiIsServedFromTheJarAndReadsTheDocument() throws Exception {
        HttpResponse<String> page = get("/docs/api/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("swagger-initializer.js").doesNotContain("://cdn");
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css", "index.css")) {
            HttpResponse<String> file = get("/docs/api/" + asset, null);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).hasSizeGreaterThan(100);
        }
        HttpResponse<String> initializer = get("/docs/api/swagger-initializer.js", null);
        assertThat(initializer.body()).contains("url: \"/docs/openapi.yaml\"").doesNotContain("petstore");
        HttpResponse<String> served = get("/docs/openapi.yaml", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(Files.readString(Path.of("../../docs/openapi.yaml")));
        assertThat(get("/docs/api/..%2F..%2Fapplication-local.properties", null).statusCode()).isIn(400, 404);
    }

    /** The route's own statuses plus those of its access: 401 without a token, 403 for a role it does not admit. */
    private static Set<Integer> statuses(HttpRoute route) {
        Set<Integer> statuses = new TreeSet<>(route.statuses());
        if (route.access().caller() == Access.Caller.CITIZEN || route.access().caller() == Access.Caller.STAFF) {
            statuses.add(401);
        }
        if (!route.access().roles().isEmpty()) {
            statuses.add(403);
        }
        return statuses;
    }

    /**
     * The document's security scheme for each kind of caller, in {@link OpenApiDocument}'s notation. The metrics
     * route is public at the edge and checks a scrape token of its own, which the document gives as its scheme.
     */
    private static String security(HttpRoute route) {
        if (route instanceof MetricsRoute) {
            return "metricsScrapeToken[]";
        }
        Access access = route.access();
        return switch (access.caller()) {
            case PUBLIC -> "none";
            case CITIZEN -> "citizenJwt[]";
            case DEVICE -> "deviceBasic[]";
            case STAFF -> "staffJwt" + new TreeSet<>(access.roles());
        };
    }

    /** Asserts the status and records what the document says is wrong with the response. */
    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        assertThat(response.statusCode()).as(method + " " + response.request().uri() + ": " + response.body()).isEqualTo(status);
        problems.addAll(document.problems(method, path, response.statusCode(), response.headers().firstValue("content-type"),
                response.headers().firstValue("x-request-id"), response.body()));
        document.template(method, path).ifPresent(t -> checked.add(method + " " + t));
        return response;
    }

    /** The stable error code of a problem response. */
    private static String code(HttpResponse<String> response) {
        return json.readTree(response.body()).path("code").asString();
    }

    private static URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> postJson(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("authorization", authorization);
        }
        return send(request);
    }

    /** A POST with a fresh Idempotency-Key, as filing and following need. */
    private static HttpResponse<String> postKeyed(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .header("idempotency-key", "openapi-" + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> postForm(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
