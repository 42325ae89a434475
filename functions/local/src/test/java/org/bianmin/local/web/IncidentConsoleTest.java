package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's incident view in a real headless Chromium, against the running local runtime: the dispatch centre
 * finds an incident in its list with its member count, opens it (owner department, deadline, status, members with
 * their tracking numbers and earlier-system ids), links a ticket by its tracking number and takes a member out; the
 * API then agrees with what the page showed. A screenshot of the opened incident is kept in target/.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class IncidentConsoleTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void theDispatchCentreListsOpensLinksAndUnlinksAnIncident(ChromeDriver browser) throws Exception {
        String dispatch = "Bearer " + LocalRuntime.devToken(List.of("--dispatch"));
        String run = "inc-" + Long.toString(System.nanoTime(), 36);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        String rows = "[" + row(run + "-1", "松涛路路灯不亮", "松涛路的路灯坏了好几天，晚上漆黑一片。", now.minusHours(5))
                + "," + row(run + "-2", "松涛路路灯坏了", "松涛路路灯一直不亮，晚上出门很黑，请尽快维修。", now.minusHours(3))
                + "," + row(run + "-3", "松涛路晚上没有路灯", "松涛路的路灯全灭了，天黑后什么都看不见。", now.minusHours(1)) + "]";
        HttpResponse<String> imported = send(HttpRequest.newBuilder(uri("/v1/staff/requests/import"))
                .header("content-type", "application/json").header("authorization", dispatch)
                .POST(HttpRequest.BodyPublishers.ofString(rows)).build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String first = trackingNumber(run + "-1", dispatch);
        String second = trackingNumber(run + "-2", dispatch);
        String third = trackingNumber(run + "-3", dispatch);
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/v1/staff/incidents"))
                .header("content-type", "application/json").header("authorization", dispatch)
                .POST(HttpRequest.BodyPublishers.ofString("{\"trackingNumbers\":[\"" + first + "\",\"" + second + "\"],"
                        + "\"department\":\"市城市管理局\"}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String incidentId = JSON.readTree(created.body()).get("incidentId").asString();

        signInAsDispatchCentre(browser);
        WebElement tab = Browser.visible(browser, "#tab-incidents");
        assertThat(tab.getText()).isEqualTo("合并事件");
        tab.click();
        Browser.visible(browser, "#panel-incidents");
        assertThat(browser.findElement(By.id("panel-queue")).isDisplayed()).isFalse();
        String listed = "#incident-rows tr[data-incident='" + incidentId + "']";
        Browser.visible(browser, listed);
        // newest first: the incident just made heads the dispatch centre's list
        assertThat(browser.findElement(By.cssSelector("#incident-rows tr")).getAttribute("data-incident")).isEqualTo(incidentId);
        assertThat(browser.findElement(By.cssSelector(listed + " .incident-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector(listed)).getText()).contains("市城市管理局");

        // open it
        browser.findElement(By.cssSelector(listed + " button")).click();
        Browser.textContains(browser, "#incident-title", incidentId);
        assertThat(Browser.visible(browser, "#incident-department").getText()).isEqualTo("市城市管理局");
        assertThat(browser.findElement(By.id("incident-due")).getText()).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
        assertThat(browser.findElement(By.id("incident-status")).getText()).isNotBlank();
        String members = browser.findElement(By.id("incident-member-rows")).getText();
        assertThat(members).contains(first, second, run + "-1", run + "-2").doesNotContain(third);

        // link the third by its tracking number
        browser.findElement(By.id("incident-link-number")).sendKeys(third);
        browser.findElement(By.cssSelector("#incident-link button[type=submit]")).click();
        Browser.textContains(browser, "#incident-result", "已并入");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#incident-member-rows tr")).size() == 3);
        assertThat(browser.findElement(By.id("incident-member-rows")).getText()).contains(third, run + "-3");
        assertThat(browser.findElement(By.cssSelector(listed + " .incident-count")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("incident-reporters")).getText()).isEqualTo("3");

        browser.manage().window().setSize(new Dimension(1280, 900));
        Path target = Files.createDirectories(Path.of("target"));
        Files.write(target.resolve("incident-view.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the incident view").isEmpty();

        // take the second out (the page asks first)
        browser.findElement(By.cssSelector("#incident-member-rows button[data-unlink='" + second + "']")).click();
        Browser.waiting(browser).until(ExpectedConditions.alertIsPresent()).accept();
        Browser.textContains(browser, "#incident-result", "已移出");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#incident-member-rows tr")).size() == 2);
        assertThat(browser.findElement(By.id("incident-member-rows")).getText()).contains(first, third).doesNotContain(second);
        assertThat(browser.findElement(By.cssSelector(listed + " .incident-count")).getText()).isEqualTo("2");

        // the API agrees with the page: the incident's members, and the unlinked ticket on its own again
        JsonNode incident = get("/v1/staff/incidents/" + incidentId, dispatch);
        List<String> members2 = new java.util.ArrayList<>();
        incident.get("tickets").forEach(t -> members2.add(t.get("trackingNumber").asString()));
        assertThat(members2).containsExactlyInAnyOrder(first, third);
        assertThat(ticket(run + "-2", dispatch).get("incidentId").isNull()).isTrue();
        assertThat(ticket(run + "-3", dispatch).get("incidentId").asString()).isEqualTo(incidentId);

        // a malformed number is refused in the page's own words, nothing changes
        WebElement input = browser.findElement(By.id("incident-link-number"));
        input.clear();
        input.sendKeys("BM0000000000");
        // past the page's own pattern check, so that the server's refusal is what shows
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('incident-link-number').removeAttribute('pattern');");
        browser.findElement(By.cssSelector("#incident-link button[type=submit]")).click();
        Browser.waiting(browser).until(d -> d.findElement(By.id("incident-result")).getText().contains("受理编号"));
        assertThat(browser.findElements(By.cssSelector("#incident-member-rows tr"))).hasSize(2);
    }

    private static void signInAsDispatchCentre(WebDriver browser) {
        browser.get(RunningRuntime.base() + "/console/");
        List<WebElement> signOut = browser.findElements(By.id("sign-out"));
        if (!signOut.isEmpty() && signOut.get(0).isDisplayed()) {
            signOut.get(0).click();
        }
        Browser.visible(browser, "#dev-sign-in");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#sign-in-role option")).size() > 1);
        new Select(browser.findElement(By.id("sign-in-role"))).selectByValue("__dispatch");
        browser.findElement(By.id("sign-in-submit")).click();
        Browser.visible(browser, "#workspace");
    }

    private static String trackingNumber(String externalId, String authorization) throws Exception {
        return ticket(externalId, authorization).get("trackingNumber").asString();
    }

    private static JsonNode ticket(String externalId, String authorization) throws Exception {
        JsonNode found = get("/v1/staff/requests?externalId=" + URLEncoder.encode(externalId, StandardCharsets.UTF_8), authorization);
        assertThat(found.get("requests").size()).as(externalId).isEqualTo(1);
        return found.get("requests").get(0);
    }

    private static JsonNode get(String path, String authorization) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("authorization", authorization).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(RunningRuntime.base() + path);
    }

    private static String row(String id, String subject, String detail, ZonedDateTime at) {
        return "{\"id\":\"" + id + "\",\"subject\":\"" + subject + "\",\"detail\":\"" + detail + "\",\"time\":\""
                + TIME.format(at) + "\"}";
    }
}
