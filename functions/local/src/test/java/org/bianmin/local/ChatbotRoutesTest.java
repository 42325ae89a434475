package org.bianmin.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chatbot's routes over real HTTP on the local runtime: answers in sections, votes on answers and the knowledge
 * editors' gap list, and photos on a request (the citizen's upload with the tracking code, the staff view).
 * Bad input is a 4xx that changes nothing.
 */
class ChatbotRoutesTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext runtime;
    private static String base;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start("--in-memory", "--server.port=0", "--bianmin.local.mqtt.port=" + MqttBridgeTest.freePort());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) runtime).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void anAnswerComesInSectionsSummaryFirst() throws Exception {
        JsonNode reply = ask("居住证怎么申请", null);
        assertThat(reply.get("action").stringValue()).isEqualTo("ANSWER");
        JsonNode sections = reply.get("sections");
        assertThat(sections.size()).isGreaterThanOrEqualTo(3);
        assertThat(sections.get(0).get("kind").stringValue()).isEqualTo("SUMMARY");
        assertThat(reply.get("answer").stringValue()).startsWith(sections.get(0).get("text").stringValue());
        List<String> kinds = new ArrayList<>();
        sections.forEach(s -> kinds.add(s.get("kind").stringValue()));
        assertThat(kinds).doesNotHaveDuplicates().isSubsetOf("SUMMARY", "CONDITIONS", "MATERIALS", "STEPS", "WHERE", "ONLINE",
                "TIME_LIMIT", "FEES", "HOURS", "PHONE");
        sections.forEach(s -> assertThat(s.get("heading").stringValue()).isNotBlank());
    }

    @Test
    void votesAndUnansweredQuestionsMakeTheGapListGroupedBySimilarQuestion() throws Exception {
        String dispatch = LocalRuntime.devToken(List.of("--dispatch"));
        String editor = json.readTree(post("/local/sign-in", "{\"role\":\"knowledge-editor\"}", null).body()).get("token").stringValue();
        String department = LocalRuntime.devToken(List.of("--department=市城市管理局"));
        assertError(get("/v1/staff/knowledge-gaps", null), 401, "UNAUTHENTICATED");
        assertError(get("/v1/staff/knowledge-gaps", department), 403, "FORBIDDEN");
        JsonNode before = gaps(dispatch);

        JsonNode answer = ask("居住证怎么申请", null);
        assertThat(answer.get("action").stringValue()).isEqualTo("ANSWER");
        String entryId = answer.get("entry").get("id").stringValue();
        String session = answer.get("sessionId").stringValue();
        // 没用 twice from one session is one signal; a changed mind replaces it, it does not add one
        assertThat(vote(session, "居住证怎么申请", false, entryId).statusCode()).isEqualTo(200);
        assertThat(vote(session, "居住证怎么申请", false, entryId).statusCode()).isEqualTo(200);
        assertThat(vote("other-session-" + UUID.randomUUID(), "怎么申请居住证", false, entryId).statusCode()).isEqualTo(200);
        assertThat(vote("helpful-session-1", "公积金怎么提取", true, null).statusCode()).isEqualTo(200);
        // nothing answers it: noted by itself, with the phone number the citizen typed masked
        JsonNode unanswered = ask("请问在本市养蜂需要办什么许可证，我的号码13812345678", null);
        assertThat(unanswered.get("action").stringValue()).isEqualTo("HANDOFF");
        assertThat(unanswered.get("handoff").get("reason").stringValue()).isEqualTo("NO_MATCH");

        // bad votes: a 400 each, and the list does not change
        assertError(post("/v1/inquiries/feedback", "{\"sessionId\":\"abcdefgh1\",\"question\":\"居住证\"}", null), 400, "HELPFUL_REQUIRED");
        assertError(vote(session, "居住证怎么申请", false, "no-such-entry"), 400, "UNKNOWN_ENTRY");
        assertError(vote("short", "居住证怎么申请", false, entryId), 400, "INVALID_SESSION_ID");
        assertError(vote(session, "问".repeat(501), false, entryId), 400, "QUESTION_TOO_LONG");
        assertError(post("/v1/inquiries/feedback", "{\"sessionId\":\"abcdefgh1\",\"question\":\"居住证\",\"helpful\":\"no\"}", null),
                400, "INVALID_FIELD");
        assertError(get("/v1/staff/knowledge-gaps?days=0", dispatch), 400, "INVALID_DAYS");
        assertError(get("/v1/staff/knowledge-gaps?days=abc", dispatch), 400, "INVALID_DAYS");

        JsonNode after = gaps(editor);
        assertThat(after.get("signals").intValue() - before.get("signals").intValue()).isEqualTo(3);
        JsonNode residence = group(after, "居住证");
        assertThat(residence.get("count").intValue()).isEqualTo(2);
        assertThat(residence.get("notHelpful").intValue()).isEqualTo(2);
        assertThat(residence.get("entries").get(0).stringValue()).isEqualTo(answer.get("entry").get("title").stringValue());
        JsonNode bees = group(after, "养蜂");
        assertThat(bees.get("noMatch").intValue()).isEqualTo(1);
        assertThat(bees.get("question").stringValue()).doesNotContain("13812345678");
        assertThat(after.toString()).doesNotContain("公积金怎么提取");
    }

    @Test
    void aPhotoIsKeptOnceShownToTheStaffWhoMaySeeTheTicketAndBadPhotosChangeNothing() throws Exception {
        JsonNode receipt = file("小区门口的路灯坏了好几天，晚上很黑");
        String number = receipt.get("trackingNumber").stringValue();
        String code = receipt.get("verificationCode").stringValue();
        byte[] first = jpeg(Color.ORANGE);

        HttpResponse<String> uploaded = upload(number, code, "image/jpeg", first);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(json.readTree(uploaded.body()).get("id").stringValue()).isEqualTo("photo-1");
        // the same photo again (a retry after a lost reply) is the photo already kept
        assertThat(json.readTree(upload(number, code, "image/jpeg", first).body()).get("id").stringValue()).isEqualTo("photo-1");

        // refused, each changing nothing
        String wrongCode = code.equals("000000") ? "000001" : "000000";
        assertError(upload(number, wrongCode, "image/jpeg", first), 404, "NOT_FOUND");
        assertError(upload(number, code, "image/jpeg", "这不是图片，只是文字".getBytes(StandardCharsets.UTF_8)), 400, "INVALID_PHOTO");
        assertError(upload(number, code, "image/jpeg", png()), 400, "INVALID_PHOTO");
        assertError(upload(number, code, "image/gif", first), 400, "UNSUPPORTED_PHOTO_TYPE");
        assertError(post("/v1/requests/" + number + "/photos",
                "{\"code\":\"" + code + "\",\"contentType\":\"image/jpeg\",\"data\":\"%%%not base64%%%\"}", null), 400, "INVALID_PHOTO");
        assertError(post("/v1/requests/" + number + "/photos", "{\"contentType\":\"image/jpeg\",\"data\":\"AAAA\"}", null),
                400, "CODE_REQUIRED");
        assertError(post("/v1/requests/" + number + "/photos", "{\"code\":\"" + code + "\",\"contentType\":\"image/jpeg\",\"data\":\""
                + "A".repeat(3 * 1024 * 1024) + "\"}", null), 413, "PAYLOAD_TOO_LARGE");

        String dispatch = LocalRuntime.devToken(List.of("--dispatch"));
        JsonNode listed = json.readTree(get("/v1/staff/requests/" + number + "/photos", dispatch).body());
        assertThat(listed.get("photos").size()).isEqualTo(1);
        JsonNode photo = json.readTree(get("/v1/staff/requests/" + number + "/photos/photo-1", dispatch).body());
        assertThat(photo.get("contentType").stringValue()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(photo.get("data").stringValue())).isEqualTo(first);

        // a PNG is fine too; a fourth distinct photo is one too many
        assertThat(upload(number, code, "image/png", png()).statusCode()).isEqualTo(201);
        assertThat(upload(number, code, "image/jpeg", jpeg(Color.BLUE)).statusCode()).isEqualTo(201);
        assertError(upload(number, code, "image/jpeg", jpeg(Color.GREEN)), 409, "PHOTO_LIMIT");
        assertThat(json.readTree(get("/v1/staff/requests/" + number + "/photos", dispatch).body()).get("photos").size()).isEqualTo(3);

        // staff only, and only those who may see the ticket
        assertError(get("/v1/staff/requests/" + number + "/photos", null), 401, "UNAUTHENTICATED");
        String otherDepartment = LocalRuntime.devToken(List.of("--department=市教育局"));
        if (!receipt.get("department").isNull() && !"市教育局".equals(receipt.get("department").stringValue())) {
            assertError(get("/v1/staff/requests/" + number + "/photos", otherDepartment), 404, "NOT_FOUND");
        }
        assertError(get("/v1/staff/requests/" + number + "/photos/photo-9", dispatch), 404, "PHOTO_NOT_FOUND");
        assertError(get("/v1/staff/requests/BM000000000000/photos", dispatch), 404, "NOT_FOUND");
    }

    // ---- helpers

    private static JsonNode ask(String text, String sessionId) throws Exception {
        ObjectNode body = json.createObjectNode().put("text", text).put("channel", "chatbot");
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        HttpResponse<String> response = post("/v1/inquiries", body.toString(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> vote(String session, String question, boolean helpful, String entryId) throws Exception {
        ObjectNode body = json.createObjectNode().put("sessionId", session).put("question", question).put("helpful", helpful);
        if (entryId != null) {
            body.put("entryId", entryId);
        }
        return post("/v1/inquiries/feedback", body.toString(), null);
    }

    private static JsonNode gaps(String token) throws Exception {
        HttpResponse<String> response = get("/v1/staff/knowledge-gaps?days=7", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode group(JsonNode gaps, String containing) {
        for (JsonNode group : gaps.get("groups")) {
            if (group.get("question").stringValue().contains(containing)) {
                return group;
            }
        }
        throw new AssertionError("no group about " + containing + " in " + gaps);
    }

    private static JsonNode file(String text) throws Exception {
        String body = json.createObjectNode().put("text", text).put("phone", "13812345678").put("channel", "chatbot")
                .set("location", json.createObjectNode().put("address", "海曙区南门街道柳汀新村5幢")).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/requests"))
                .header("content-type", "application/json").header("idempotency-key", "photo-test-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> upload(String number, String code, String type, byte[] content) throws Exception {
        String body = json.createObjectNode().put("code", code).put("contentType", type)
                .put("data", Base64.getEncoder().encodeToString(content)).toString();
        return post("/v1/requests/" + number + "/photos", body, null);
    }

    private static byte[] jpeg(Color color) throws IOException {
        return image(color, "jpg");
    }

    private static byte[] png() throws IOException {
        return image(Color.MAGENTA, "png");
    }

    private static byte[] image(Color color, String format) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.BLACK);
        g.drawString(format, 20, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("code").stringValue()).isEqualTo(code);
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
