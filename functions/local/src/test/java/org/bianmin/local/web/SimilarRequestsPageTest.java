package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.bianmin.http.Access;
import org.bianmin.local.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 end to end in the local runtime and a real headless Chromium: the chatbot's request form shows
 * "附近已有类似诉求正在办理" with the open request's status, and the citizen follows it instead of filing a separate
 * request: their own ticket, linked into the followed request's incident.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class SimilarRequestsPageTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theFormShowsTheOpenSimilarRequestAndTheCitizenFollowsIt(ChromeDriver browser) throws Exception {
        String existing = fileRequest("青枫路的路灯坏了一个星期了，晚上一片漆黑，老人出门很不安全").get("trackingNumber").asString();

        browser.get(RunningRuntime.base() + "/");
        ChatbotPageTest.ask(browser, "青枫路路灯不亮好几天了，天黑以后漆黑一片，希望尽快修好")
                .findElement(By.cssSelector(".open-handoff")).click();
        Browser.visible(browser, "#handoff-phone").sendKeys("13712345678");
        browser.findElement(By.id("handoff-address")).sendKeys("东湖区青枫路");
        browser.findElement(By.id("handoff-submit")).click();

        WebElement notice = Browser.visible(browser, ".similar-requests");
        assertThat(notice.getText()).contains("附近已有类似诉求正在办理").contains(existing).contains("已受理");
        // the other citizen's words and phone are not shown
        assertThat(notice.getText()).doesNotContain("老人出门").doesNotContain("13600001234");
        notice.findElement(By.xpath(".//li[contains(., '" + existing + "')]//button")).click();

        WebElement receipt = Browser.visible(browser, ".message.receipt");
        String own = receipt.findElement(By.cssSelector("[data-field=trackingNumber]")).getText();
        assertThat(own).matches("BM\\d{12}").isNotEqualTo(existing);

        String dispatch = "Bearer " + RunningRuntime.bean(LocalTokens.class)
                .issueStaff("similar-test", null, Access.DISPATCH_ROLE, Duration.ofMinutes(10));
        String incidentId = null;
        for (JsonNode ticket : get("/v1/staff/requests?status=RECEIVED", dispatch).get("requests")) {
            if (ticket.get("trackingNumber").asString().equals(own)) {
                incidentId = ticket.get("incidentId").isNull() ? null : ticket.get("incidentId").asString();
                assertThat(ticket.get("likelyDuplicates").toString()).contains(existing);
            }
        }
        assertThat(incidentId).isNotNull();
        JsonNode incident = get("/v1/staff/incidents/" + incidentId, dispatch);
        java.util.List<String> members = new java.util.ArrayList<>();
        incident.get("tickets").forEach(t -> members.add(t.get("trackingNumber").asString()));
        assertThat(members).containsExactly(existing, own);
    }

    private static JsonNode fileRequest(String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/requests"))
                .header("content-type", "application/json").header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"phone\":\"13600001234\","
                        + "\"location\":{\"address\":\"东湖区青枫路\"},\"channel\":\"api\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String path, String authorization) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + path))
                .header("authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
