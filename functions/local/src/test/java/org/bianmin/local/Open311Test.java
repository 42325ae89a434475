package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 over real HTTP, as an Open311 client calls it: form-encoded POSTs, JSON and XML responses.
 * The XML requests are written from the arguments the GeoReport v2 specification lists for each method.
 */
class Open311Test {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext runtime;
    private static String base;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort() + "/open311/v2";
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void discoveryServicesAndDefinitions() throws Exception {
        JsonNode discovery = json.readTree(get("/discovery.json").body());
        assertThat(discovery.get("endpoints").get(0).get("specification").stringValue()).contains("GeoReport_v2");
        JsonNode services = json.readTree(get("/services.json").body());
        assertThat(services.size()).isGreaterThanOrEqualTo(120);
        String code = services.get(0).get("service_code").stringValue();
        assertThat(services.get(0).get("metadata").booleanValue()).isFalse();
        assertThat(json.readTree(get("/services/" + code + ".json").body()).get("service_code").stringValue()).isEqualTo(code);
        HttpResponse<String> unknown = get("/services/NOPE.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get(0).get("code").intValue()).isEqualTo(404);
    }

    @Test
    void postsARequestFormEncodedAndReadsItBack() throws Exception {
        String code = json.readTree(get("/services.json").body()).get(0).get("service_code").stringValue();
        String form = "service_code=" + code + "&lat=29.8742&long=121.5268&address_string=" + enc("东湖区桂花路18号")
                + "&description=" + enc("桂花路18号门口路灯坏了，联系我13812345678") + "&phone=13812345678";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/requests.json"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get(0).get("service_request_id").stringValue();

        JsonNode one = json.readTree(get("/requests/" + id + ".json").body()).get(0);
        assertThat(one.get("status").stringValue()).isEqualTo("open");
        assertThat(one.get("service_code").stringValue()).isEqualTo(code);
        assertThat(one.get("description").stringValue()).doesNotContain("13812345678").doesNotContain("5678")
                .contains("路灯坏了");
        assertThat(one.get("address").stringValue()).isEqualTo("东湖区桂花路");
        assertThat(one.get("requested_datetime").stringValue()).endsWith("+08:00");

        JsonNode listed = json.readTree(get("/requests.json?service_code=" + code + "&status=open").body());
        assertThat(listed.findValuesAsString("service_request_id")).contains(id);
        assertThat(json.readTree(get("/requests.json?service_request_id=" + id).body()).size()).isEqualTo(1);
    }

    /**
     * What a citizen writes in the many ways people write it (spaces, dashes, dots, +86, full-width digits, an ID
     * number with spaces, a name, a room) never reaches the public listing, and {@code requests/{id}.json} shows
     * exactly the listing's view.
     */
    @Test
    void thePublicViewsHidePersonalDataHoweverItIsWritten() throws Exception {
        String code = json.readTree(get("/services.json").body()).get(0).get("service_code").stringValue();
        String description = "我叫张三，住在柳汀新村3单元502室，楼道灯坏了。电话138 1234 5678，或 +86-139.8765.4321，"
                + "座机０５７４－８７６５４３２１，身份证 330203 19900101 1234";
        String form = "service_code=" + code + "&lat=29.874213&long=121.526847&address_string=" + enc("东湖区柳汀新村3单元502室")
                + "&description=" + enc(description) + "&phone=13812345678";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/requests.json"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get(0).get("service_request_id").stringValue();

        JsonNode one = json.readTree(get("/requests/" + id + ".json").body()).get(0);
        JsonNode listed = json.readTree(get("/requests.json?service_request_id=" + id).body()).get(0);
        assertThat(one).isEqualTo(listed);
        // (the description and address only: a tracking number or a timestamp may hold any four digits)
        String shown = one.get("description").stringValue() + " " + one.get("address").stringValue();
        assertThat(one.toString()).doesNotContain("张三").doesNotContain("502室");
        for (String secret : new String[] {"张三", "502", "5678", "4321", "87654321", "８７６５", "1234", "19900101"}) {
            assertThat(shown).as(secret).doesNotContain(secret);
        }
        assertThat(one.get("description").stringValue()).contains("楼道灯坏了");
        assertThat(one.get("address").stringValue()).isEqualTo("东湖区柳汀新村");
        assertThat(one.get("lat").doubleValue()).isEqualTo(29.874);
    }

    @Test
    void errorsUseTheSpecificationsShape() throws Exception {
        HttpResponse<String> noCode = http.send(HttpRequest.newBuilder(URI.create(base + "/requests.json"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("description=" + enc("路灯坏了好几天了"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noCode.body()).get(0).get("description").stringValue()).contains("service_code");
        assertThat(get("/requests.json?status=maybe").statusCode()).isEqualTo(400);
        assertThat(get("/requests/BM000000000000.json").statusCode()).isEqualTo(404);
    }

    /**
     * A plain GeoReport v2 client in XML: the service list and a definition, a POST with the specification's
     * optional arguments and no phone (filed, without a return visit), the request read back singly and in the
     * filtered listing, all as well-formed UTF-8 XML with the specification's element names.
     */
    @Test
    void aGeoReportClientCanWorkInXmlWithoutAPhone() throws Exception {
        HttpResponse<String> servicesResponse = get("/services.xml?jurisdiction_id=bianmin");
        assertThat(servicesResponse.statusCode()).isEqualTo(200);
        assertThat(servicesResponse.headers().firstValue("content-type").orElse("").replace(" ", "").toLowerCase())
                .isEqualTo("text/xml;charset=utf-8");
        assertThat(servicesResponse.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document services = xml(servicesResponse.body());
        assertThat(text(services, "count(/services/service)")).satisfies(n -> assertThat(Double.parseDouble(n)).isGreaterThanOrEqualTo(120));
        String code = text(services, "/services/service[1]/service_code");
        assertThat(text(services, "/services/service[1]/metadata")).isEqualTo("false");
        assertThat(text(services, "/services/service[1]/type")).isEqualTo("realtime");
        assertThat(text(xml(get("/services/" + code + ".xml").body()), "/service_definition/service_code")).isEqualTo(code);

        String form = "jurisdiction_id=bianmin&service_code=" + enc(code) + "&lat=29.8742&long=121.5268"
                + "&address_string=" + enc("东湖区桂花路18号") + "&email=" + enc("someone@example.com")
                + "&first_name=" + enc("三") + "&last_name=" + enc("张") + "&device_id=abc123&media_url=" + enc("https://example.com/a.jpg")
                + "&description=" + enc("桂花路18号门口路灯坏了 & 井盖<松动>");
        HttpResponse<String> created = postForm("/requests.xml", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Document receipt = xml(created.body());
        String id = text(receipt, "/service_requests/request/service_request_id");
        assertThat(id).matches("BM\\d{12}");
        assertThat(text(receipt, "/service_requests/request/service_notice")).contains("未留联系电话").contains("查询码");

        Document one = xml(get("/requests/" + id + ".xml").body());
        assertThat(text(one, "/service_requests/request/status")).isEqualTo("open");
        assertThat(text(one, "/service_requests/request/service_code")).isEqualTo(code);
        assertThat(text(one, "/service_requests/request/requested_datetime")).endsWith("+08:00");
        assertThat(text(one, "/service_requests/request/description")).contains("路灯坏了").contains("&").contains("<松动>");
        assertThat(one.getDocumentElement().getTextContent()).doesNotContain("example.com").doesNotContain("abc123");

        String today = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).toLocalDate() + "T00:00:00+08:00";
        Document listed = xml(get("/requests.xml?jurisdiction_id=bianmin&service_code=" + enc(code) + "&status=open&start_date="
                + enc(today)).body());
        assertThat(text(listed, "count(/service_requests/request[service_request_id='" + id + "'])")).isEqualTo("1");

        // a phone, when given, must be one
        HttpResponse<String> badPhone = postForm("/requests.xml", form + "&phone=12345");
        assertThat(badPhone.statusCode()).isEqualTo(400);
        Document errors = xml(badPhone.body());
        assertThat(text(errors, "/errors/error/code")).isEqualTo("400");
        assertThat(text(errors, "/errors/error/description")).contains("phone");
        assertThat(xml(get("/services/NOPE.xml").body()).getDocumentElement().getTagName()).isEqualTo("errors");
    }

    /** A request filed without a phone is on the staff side with the documented no-contact placeholder, masked. */
    @Test
    void aRequestWithoutAPhoneCarriesTheNoContactPlaceholder() throws Exception {
        String code = json.readTree(get("/services.json").body()).get(0).get("service_code").stringValue();
        HttpResponse<String> created = postForm("/requests.json", "service_code=" + enc(code)
                + "&address_string=" + enc("东湖区柳汀街") + "&description=" + enc("柳汀街人行道地砖松动好几块"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get(0).get("service_request_id").stringValue();
        String staff = "Bearer " + runtime.getBean(LocalTokens.class).issueStaff("open311-test", null,
                org.bianmin.http.Access.DISPATCH_ROLE, java.time.Duration.ofMinutes(5));
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create(base.replace("/open311/v2", "")
                        + "/v1/staff/requests")).header("authorization", staff).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode mine = null;
        for (JsonNode request : json.readTree(found.body()).get("requests")) {
            if (request.get("trackingNumber").stringValue().equals(id)) {
                mine = request;
            }
        }
        assertThat(mine).as(found.body()).isNotNull();
        assertThat(mine.get("phone").stringValue()).isEqualTo("0000-****0000");
    }

    /**
     * Discovery names the endpoint by an absolute URL, in both formats: the host the request came to, or the
     * public host and scheme a proxy or API Gateway forwards; a host that is no host name is not echoed.
     */
    @Test
    void discoveryGivesAnAbsoluteUrl() throws Exception {
        JsonNode discovery = json.readTree(get("/discovery.json").body());
        assertThat(discovery.get("endpoints").get(0).get("url").stringValue()).isEqualTo(base);
        assertThat(discovery.get("endpoints").get(0).get("formats").toString()).contains("text/xml").contains("application/json");
        HttpResponse<String> forwarded = http.send(HttpRequest.newBuilder(URI.create(base + "/discovery.xml"))
                .header("x-forwarded-proto", "https").header("x-forwarded-host", "api.12345.example.gov.cn").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Document xml = xml(forwarded.body());
        assertThat(text(xml, "/discovery/endpoints/endpoint/url")).isEqualTo("https://api.12345.example.gov.cn/open311/v2");
        assertThat(text(xml, "count(/discovery/endpoints/endpoint/formats/format)")).isEqualTo("2");
        HttpResponse<String> hostile = http.send(HttpRequest.newBuilder(URI.create(base + "/discovery.json"))
                .header("x-forwarded-host", "evil.example/<script>").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(json.readTree(hostile.body()).get("endpoints").get(0).get("url").stringValue()).isEqualTo("/open311/v2");
    }

    private static Document xml(String body) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(body)));
    }

    private static String text(Document document, String xpath) throws Exception {
        return javax.xml.xpath.XPathFactory.newInstance().newXPath().evaluate(xpath, document);
    }

    private static HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
