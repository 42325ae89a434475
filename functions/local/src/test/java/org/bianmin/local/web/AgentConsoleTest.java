package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.bianmin.devices.application.DeviceCredentials;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent console in a real headless Chromium: a citizen's handoff goes through dispatch, acceptance and
 * resolution, the citizen rates it, and the statistics move; device alarms reach the feed and are acted on.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class AgentConsoleTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aHandoffIsDispatchedAcceptedResolvedRatedAndCounted(ChromeDriver browser) {
        signIn(browser, null);
        Stats before = stats(browser);

        // The citizen files the request from the chatbot.
        browser.get(RunningRuntime.base() + "/");
        Browser.press(browser, ChatbotPageTest.ask(browser, "小区门口的下水道堵了，污水漫到人行道上").findElement(By.cssSelector(".open-handoff")));
        Browser.visible(browser, "#handoff-phone").sendKeys("13912345678");
        browser.findElement(By.id("handoff-address")).sendKeys("鄞州区中河街道宁南新村3幢");
        browser.findElement(By.id("handoff-submit")).click();
        WebElement receipt = Browser.receiptAfterSubmit(browser);
        String trackingNumber = receipt.findElement(By.cssSelector("[data-field=trackingNumber]")).getText();
        String code = receipt.findElement(By.cssSelector("[data-field=verificationCode]")).getText();

        // The dispatch centre dispatches it with the classifier's suggestion.
        signIn(browser, null);
        openTicket(browser, trackingNumber);
        assertThat(detailStatus(browser)).isEqualTo("已受理");
        assertThat((String) browser.executeScript("return document.getElementById('detail-body').innerText"))
                .contains("139****5678").doesNotContain("13912345678");
        Browser.clickWhenReady(browser, "#detail-body [data-action=dispatch]");
        WebElement choice = Browser.visible(browser, "#department-choice");
        assertThat(choice.getText()).contains("智能建议").contains("置信度");
        assertThat(browser.findElement(By.id("suggestion-terms")).getText()).startsWith("判断依据：");
        String department = choice.findElement(By.cssSelector("input[name=department]:checked")).getAttribute("value");
        assertThat(department).isNotBlank();
        browser.findElement(By.id("action-submit")).click();
        Browser.textContains(browser, "#detail-body [data-field=status]", "已派单");
        Browser.textContains(browser, "#detail-body [data-field=department]", department);
        // The dispatch centre may also escalate (督办); accepting is the department's word (checked below).
        assertThat(actions(browser)).contains("escalate").doesNotContain("dispatch", "close", "accept", "reject");

        // The department accepts and resolves it; resolving needs a note.
        signIn(browser, department);
        openTicket(browser, trackingNumber);
        assertThat(actions(browser)).contains("accept", "reject").doesNotContain("escalate", "dispatch");
        act(browser, "accept", null);
        Browser.textContains(browser, "#detail-body [data-field=status]", "已签收");
        Browser.clickWhenReady(browser, "#detail-body [data-action=resolve]");
        Browser.visible(browser, "#action-submit").click();
        Browser.textContains(browser, "#action-note-error", "办结说明");
        assertThat(browser.findElement(By.id("action-dialog")).isDisplayed()).isTrue();
        browser.findElement(By.id("action-note")).sendKeys("已安排养护单位疏通，现场已恢复。");
        browser.findElement(By.id("action-submit")).click();
        Browser.textContains(browser, "#detail-body [data-field=status]", "已办结");
        String history = (String) browser.executeScript("return document.querySelector('#detail-body .history').innerText");
        assertThat(history).contains("受理", "派单", "签收", "办结", "已安排养护单位疏通，现场已恢复。");
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the queue and detail").isEmpty();

        // The citizen sees it resolved and rates it, which closes it.
        browser.get(RunningRuntime.base() + "/");
        browser.findElement(By.id("open-lookup")).click();
        Browser.visible(browser, "#lookup-number").sendKeys(trackingNumber);
        browser.findElement(By.id("lookup-code")).sendKeys(code);
        browser.findElement(By.id("lookup-submit")).click();
        Browser.textContains(browser, "#lookup-result [data-field=status]", "已办结");
        Browser.visible(browser, "#rating-options input[value='5']").click();
        browser.findElement(By.id("rating-submit")).click();
        Browser.textContains(browser, "#lookup-result [data-field=status]", "已归档");
        Browser.textContains(browser, "#lookup-status", "感谢您的评价");

        // The statistics count it.
        signIn(browser, null);
        Stats after = stats(browser);
        assertThat(after.total()).isEqualTo(before.total() + 1);
        assertThat(after.rated()).isEqualTo(before.rated() + 1);
        assertThat(after.onTime()).endsWith("%");
        assertThat(after.satisfaction()).endsWith("/ 5");
        assertThat(browser.findElement(By.cssSelector("#stats-department-table tr[data-department='" + department
                + "'] [data-field=on-time]")).getText()).as("a rate beside its counts").matches(".*%（\\d+/\\d+）");
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the statistics").isEmpty();
    }

    @Test
    void deviceAlarmsReachTheFeedAndStaffActOnThem(ChromeDriver browser) throws Exception {
        String deviceId = "SD-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/v1/devices", "{\"deviceId\":\"" + deviceId + "\",\"type\":\"smoke_detector\",\"owner\":\"柳汀新村物业\","
                + "\"ownerPhone\":\"13700001111\",\"community\":\"柳汀社区\",\"address\":\"柳汀新村5幢2单元\"}").statusCode()).isEqualTo(201);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/devices/events"))
                .header("content-type", "application/json").header("authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((deviceId + ":" + DeviceCredentials.development().passwordFor(deviceId)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"" + deviceId + "\",\"readings\":{\"smoke\":1}}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);

        signIn(browser, null);
        browser.findElement(By.id("tab-alarms")).click();
        WebElement row = Browser.visible(browser, "#alarm-rows tr[data-device-id='" + deviceId + "']");
        assertThat(row.getText()).contains("烟感报警");
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the alarm feed").isEmpty();
        String trackingNumber = row.findElement(By.cssSelector("td:nth-child(6) button")).getText();
        assertThat(trackingNumber).matches("BM\\d{12}");

        row.findElement(By.cssSelector("[data-alarm-action=acknowledge]")).click();
        Browser.textContains(browser, "#toast", "已确认");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#alarm-rows tr[data-device-id='" + deviceId + "']")).isEmpty());
        new Select(browser.findElement(By.id("alarm-status"))).selectByValue("ACKNOWLEDGED");
        WebElement acknowledged = Browser.visible(browser, "#alarm-rows tr[data-device-id='" + deviceId + "']");

        // The alarm's ticket opens in the queue, as an urgent fire-safety case.
        acknowledged.findElement(By.cssSelector("td:nth-child(6) button")).click();
        Browser.textContains(browser, "#detail-number", trackingNumber);
        assertThat(browser.findElement(By.id("detail-body")).getText()).contains("紧急");
    }

    @Test
    void staffSeeOnlyTheirDepartmentAndBadTokensAreRefused(ChromeDriver browser) throws Exception {
        JsonNode streetLight = fileRequest("路灯坏了好几天了，晚上一片漆黑，走路很危险");
        JsonNode wages = fileRequest("公司已经拖欠我们三个月工资了，老板一直不发");
        String department = streetLight.get("department").stringValue();
        assertThat(wages.get("department").stringValue()).isNotEqualTo(department);
        // a department sees a ticket once the dispatch centre sent it there
        dispatch(streetLight.get("trackingNumber").stringValue(), department);
        dispatch(wages.get("trackingNumber").stringValue(), wages.get("department").stringValue());

        browser.get(RunningRuntime.base() + "/console/");
        Browser.visible(browser, "#sign-in-token").sendKeys("not-a-token");
        browser.findElement(By.id("token-submit")).click();
        Browser.textContains(browser, "#sign-in-status", "令牌格式不正确");
        assertThat(browser.findElement(By.id("workspace")).isDisplayed()).isFalse();

        signIn(browser, department);
        assertThat(browser.findElement(By.id("filter-department-field")).isDisplayed()).isFalse();
        // the alarm feed is for the dispatch centre and device administrators: a department does not see the tab
        assertThat(browser.findElement(By.id("tab-alarms")).isDisplayed()).isFalse();
        Browser.visible(browser, "#queue-rows tr[data-tracking-number='" + streetLight.get("trackingNumber").stringValue() + "']");
        assertThat(browser.findElements(By.cssSelector("#queue-rows tr[data-tracking-number='"
                + wages.get("trackingNumber").stringValue() + "']"))).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> departments = (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#queue-rows td:nth-child(3) small')).map(e => e.textContent)");
        assertThat(departments).isNotEmpty().containsOnly(department);
        // A token the API no longer accepts sends the agent back to sign in, with the reason.
        browser.executeScript("sessionStorage.setItem('bianmin.staffToken', arguments[0])",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiZGVwYXJ0bWVudCI6IuW4guWfjuW4gueuoeeQhuWxgCJ9.c2lnbmF0dXJl");
        browser.navigate().refresh();
        Browser.textContains(browser, "#sign-in-status", "登录");
        assertThat(browser.findElement(By.id("workspace")).isDisplayed()).isFalse();
    }

    /**
     * The dispatch centre's routing quality for the last 30 days: a ticket it routes to another domain than the
     * router suggested counts against the suggested domain's precision and the final domain's accuracy, and a
     * department does not see the table (the API refuses it anyway).
     */
    @Test
    void theDispatchCentreSeesRoutingQualityPerDomainForTheLast30Days(ChromeDriver browser) throws Exception {
        JsonNode filed = fileRequest("公司已经拖欠我们三个月工资了，老板一直不发，找他也不理");
        String suggested = filed.get("domain").stringValue();
        String trackingNumber = filed.get("trackingNumber").stringValue();
        signIn(browser, null);
        JsonNode before = quality();
        String leaf = "CXJS-SZSS-LD";
        assertThat(suggested).as("the correction must change the domain").isNotEqualTo("城乡建设");
        HttpResponse<String> dispatched = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base()
                        + "/v1/staff/requests/" + trackingNumber + "/transitions"))
                .header("content-type", "application/json").header("authorization", "Bearer " + dispatchToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"dispatch\",\"categoryCode\":\"" + leaf + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);

        browser.findElement(By.id("tab-stats")).click();
        WebElement corrected = Browser.visible(browser, "#routing-quality-rows tr[data-domain='城乡建设']");
        Browser.visible(browser, "#routing-quality-rows tr[data-domain='" + suggested + "']");
        assertThat(browser.findElement(By.id("routing-quality-title")).getText()).contains("近30天");
        assertThat(browser.findElement(By.id("routing-quality-summary")).getText())
                .contains("改派 " + (before.get("corrected").intValue() + 1) + " 件");
        int count = count(before, "城乡建设") + 1;
        assertThat(corrected.findElement(By.cssSelector("[data-field=count]")).getText()).isEqualTo(String.valueOf(count));
        assertThat(corrected.findElement(By.cssSelector("[data-field=domain-accuracy]")).getText()).endsWith("%）");
        assertThat(browser.findElement(By.cssSelector("#routing-quality-rows tr[data-domain='" + suggested + "'] [data-field=suggested]"))
                .getText()).isEqualTo(String.valueOf(suggestedCount(before, suggested) + 1));
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the routing quality").isEmpty();

        signIn(browser, "市城市管理局");
        browser.findElement(By.id("tab-stats")).click();
        Browser.visible(browser, "#stat-total");
        assertThat(browser.findElement(By.id("routing-quality")).isDisplayed()).isFalse();
    }

    private static void dispatch(String trackingNumber, String department) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base()
                        + "/v1/staff/requests/" + trackingNumber + "/transitions"))
                .header("content-type", "application/json").header("authorization", "Bearer " + dispatchToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"dispatch\",\"department\":\"" + department + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String dispatchToken() {
        return LocalRuntime.devToken(List.of("--dispatch"));
    }

    private static JsonNode quality() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/staff/routing/quality"))
                .header("authorization", "Bearer " + dispatchToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int count(JsonNode quality, String domain) {
        for (JsonNode d : quality.get("byDomain")) {
            if (d.get("domain").stringValue().equals(domain)) {
                return d.get("accuracy").get("count").intValue();
            }
        }
        return 0;
    }

    private static int suggestedCount(JsonNode quality, String domain) {
        for (JsonNode d : quality.get("byDomain")) {
            if (d.get("domain").stringValue().equals(domain)) {
                return d.get("suggested").intValue();
            }
        }
        return 0;
    }

    @Test
    void theQueueShowsOnePageAndLoadsTheNextOnRequest(ChromeDriver browser) throws Exception {
        // more tickets than one page (50), whatever the other tests filed
        for (int i = 0; i < 51; i++) {
            fileRequest("小区门口第" + i + "号路灯坏了，晚上一片漆黑");
        }
        signIn(browser, null);
        Browser.visible(browser, "#queue-more");
        assertThat(queueNumbers(browser)).hasSize(50);
        browser.findElement(By.id("queue-more")).click();
        Browser.waiting(browser).until(d -> queueNumbers(d).size() > 50);
        assertThat(queueNumbers(browser)).doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static List<String> queueNumbers(WebDriver browser) {
        return (List<String>) ((ChromeDriver) browser).executeScript(
                "return Array.from(document.querySelectorAll('#queue-rows tr')).map(r => r.dataset.trackingNumber)");
    }

    /** Signs in on the console with the local development sign-in: the dispatch centre, or a department. */
    static void signIn(WebDriver browser, String department) {
        browser.get(RunningRuntime.base() + "/console/");
        List<WebElement> signOut = browser.findElements(By.id("sign-out"));
        if (!signOut.isEmpty() && signOut.get(0).isDisplayed()) {
            signOut.get(0).click();
        }
        Browser.visible(browser, "#dev-sign-in");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#sign-in-role option")).size() > 1);
        new Select(browser.findElement(By.id("sign-in-role"))).selectByValue(department == null ? "__dispatch" : department);
        browser.findElement(By.id("sign-in-submit")).click();
        Browser.visible(browser, "#workspace");
        Browser.textContains(browser, "#identity-name", department == null ? "分拨中心" : department);
    }

    static void openTicket(WebDriver browser, String trackingNumber) {
        browser.findElement(By.id("tab-queue")).click();
        Browser.clickWhenReady(browser, "#queue-rows tr[data-tracking-number='" + trackingNumber + "'] button.link");
        Browser.textContains(browser, "#detail-number", trackingNumber);
    }

    // Read in one script: the detail is redrawn whenever the queue refreshes, so element handles go stale.
    static String detailStatus(WebDriver browser) {
        return (String) ((ChromeDriver) browser).executeScript(
                "return document.querySelector('#detail-body [data-field=status]').textContent");
    }

    @SuppressWarnings("unchecked")
    static List<String> actions(WebDriver browser) {
        return (List<String>) ((ChromeDriver) browser).executeScript(
                "return Array.from(document.querySelectorAll('#detail-body [data-action]')).map(e => e.dataset.action)");
    }

    static void act(WebDriver browser, String action, String note) {
        Browser.clickWhenReady(browser, "#detail-body [data-action=" + action + "]");
        if (note != null) {
            Browser.visible(browser, "#action-note").sendKeys(note);
        }
        Browser.visible(browser, "#action-submit").click();
    }

    record Stats(int total, int rated, String onTime, String satisfaction) {
    }

    static Stats stats(WebDriver browser) {
        browser.findElement(By.id("tab-stats")).click();
        Browser.visible(browser, "#stat-total");
        // One tab panel at a time.
        assertThat(browser.findElement(By.id("panel-queue")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("panel-alarms")).isDisplayed()).isFalse();
        WebElement satisfaction = browser.findElement(By.id("stat-satisfaction"));
        String label = satisfaction.findElement(By.cssSelector(".label")).getText();
        return new Stats(Integer.parseInt(browser.findElement(By.cssSelector("[data-field=stat-total]")).getText()),
                Integer.parseInt(label.replaceAll("\\D", "")),
                browser.findElement(By.cssSelector("[data-field=stat-on-time]")).getText(),
                satisfaction.findElement(By.cssSelector(".value")).getText());
    }

    private static JsonNode fileRequest(String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/requests"))
                .header("content-type", "application/json").header("Idempotency-Key", "e2e-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"phone\":\"13600001234\","
                        + "\"location\":{\"address\":\"江北区外滩街道人民路88号\"},\"channel\":\"api\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** A registry call by a device administrator (development token). */
    private static HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + path))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + LocalRuntime.devToken(List.of("--device-admin")))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
