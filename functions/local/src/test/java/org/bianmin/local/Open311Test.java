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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Open311 GeoReport v2 over real HTTP, as an Open311 client calls it (form-encoded POST, JSON responses). */
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
