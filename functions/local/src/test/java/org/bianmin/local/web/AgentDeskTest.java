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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent desk in a real headless Chromium: nothing of one identity survives sign-out into the next, 200 tickets
 * page and search (tracking number, phone, earlier id, text), each role is offered only its own actions (and the
 * keyboard shortcuts follow), the list keeps its place when a ticket is opened and when it refreshes, internal
 * notes stay off the citizen's timeline; screenshots of the desk at desktop and phone sizes.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class AgentDeskTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CITY = "市城市管理局";
    private static final String TRANSPORT = "市交通运输局";

    @Test
    void signingOutAndInAsAnotherDepartmentShowsNothingOfTheFirst(ChromeDriver browser) throws Exception {
        String secret = "城管专属诉求" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode mine = fileRequest("桂花路的路灯坏了好几天了，" + secret + "，晚上一片漆黑", "13600001234");
        String number = mine.get("trackingNumber").stringValue();
        dispatch(number, CITY);

        AgentConsoleTest.signIn(browser, CITY);
        AgentConsoleTest.openTicket(browser, number);
        AgentConsoleTest.act(browser, "accept", null);
        Browser.textContains(browser, "#toast", number);
        browser.findElement(By.id("note-text")).sendKeys("写了一半的内部备注");
        browser.findElement(By.id("queue-search")).sendKeys(secret);

        browser.findElement(By.id("sign-out")).click();
        Browser.visible(browser, "#dev-sign-in");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#sign-in-role option")).size() > 1);
        assertThat(staffStorage(browser)).isEmpty();
        assertThat(text(browser, "document.body.innerText")).doesNotContain(number).doesNotContain(secret);

        new Select(browser.findElement(By.id("sign-in-role"))).selectByValue(TRANSPORT);
        browser.findElement(By.id("sign-in-submit")).click();
        Browser.textContains(browser, "#identity-name", TRANSPORT);
        Browser.visible(browser, "#queue-views [data-view=awaiting-acceptance]");
        assertThat(browser.findElement(By.id("detail-empty")).isDisplayed()).isTrue();
        assertThat(text(browser, "document.getElementById('detail-body').innerText")).isEmpty();
        assertThat(text(browser, "document.getElementById('toast').innerText")).isEmpty();
        assertThat(browser.findElement(By.id("queue-search")).getAttribute("value")).isEmpty();
        String page = text(browser, "document.documentElement.outerHTML");
        assertThat(page).doesNotContain(number).doesNotContain(secret).doesNotContain("写了一半的内部备注");
        assertThat(staffStorage(browser)).containsExactly("bianmin.staffToken");
        assertThat(text(browser, "window.BianminConsole.claims().department")).isEqualTo(TRANSPORT);
    }

    @Test
    void twoHundredTicketsPageAndAreFoundByNumberPhoneEarlierIdAndText(ChromeDriver browser) throws Exception {
        String marker = "批量" + UUID.randomUUID().toString().substring(0, 6);
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            filed.add(fileRequest("小区门口第" + i + "号路灯坏了，" + marker + "，晚上一片漆黑", "13600001234")
                    .get("trackingNumber").stringValue());
        }
        String phone = "137" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        String caller = fileRequest("小区门口的下水道堵了，" + marker + "，污水漫到人行道上", phone).get("trackingNumber").stringValue();
        filed.add(caller);
        String externalId = "DESK-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> imported = post("/v1/staff/requests/import", "[{\"id\":\"" + externalId
                + "\",\"subject\":\"路灯不亮\",\"detail\":\"桂花路路灯不亮了很久\",\"time\":\"2019/2/28 11:25:05\"}]", dispatchToken());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        AgentConsoleTest.signIn(browser, null);
        search(browser, marker);
        Browser.waiting(browser).until(d -> numbers(d).size() == 50);
        // the server pages 50 at a time; the last page may be followed by an empty one that ends the listing
        for (int pages = 1; pages < 8 && browser.findElement(By.id("queue-more")).isDisplayed(); pages++) {
            int before = numbers(browser).size();
            String round = browser.findElement(By.id("queue-live")).getAttribute("data-round");
            browser.findElement(By.id("queue-more")).click();
            Browser.waiting(browser).until(d -> !round.equals(d.findElement(By.id("queue-live")).getAttribute("data-round")));
            assertThat(numbers(browser).size()).isBetween(before, before + 50);
        }
        assertThat(browser.findElement(By.id("queue-more")).isDisplayed()).isFalse();
        assertThat(numbers(browser)).hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(filed);
        assertThat(browser.findElement(By.id("queue-caption")).getText()).contains("200");

        // opening a ticket low in the list, and the live refresh, leave the list where it was
        String low = numbers(browser).get(170);
        browser.executeScript("document.querySelector(\"#queue-rows tr[data-tracking-number='" + low + "']\").scrollIntoView({block: 'center'})");
        long scrolled = (Long) browser.executeScript("return Math.round(window.scrollY)");
        assertThat(scrolled).isPositive();
        browser.findElement(By.cssSelector("#queue-rows tr[data-tracking-number='" + low + "'] button.link")).click();
        Browser.textContains(browser, "#detail-number", low);
        assertThat((Long) browser.executeScript("return Math.round(window.scrollY)")).isBetween(scrolled - 2, scrolled + 2);
        String round = browser.findElement(By.id("queue-live")).getAttribute("data-round");
        new Actions(browser).sendKeys("r").perform();
        Browser.waiting(browser).until(d -> !round.equals(d.findElement(By.id("queue-live")).getAttribute("data-round")));
        assertThat((Long) browser.executeScript("return Math.round(window.scrollY)")).isBetween(scrolled - 2, scrolled + 2);
        assertThat(browser.findElement(By.cssSelector("#queue-rows tr[data-tracking-number='" + low + "']"))
                .getAttribute("class")).contains("selected");
        // j moves to the next ticket without leaving the list
        new Actions(browser).sendKeys("j").perform();
        Browser.textContains(browser, "#detail-number", numbers(browser).get(171));

        search(browser, filed.get(42));
        Browser.waiting(browser).until(d -> numbers(d).equals(List.of(filed.get(42))));
        search(browser, phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));
        Browser.waiting(browser).until(d -> numbers(d).equals(List.of(caller)));
        search(browser, externalId);
        // one row, and not the previous search's: the imported ticket
        Browser.waiting(browser).until(d -> numbers(d).size() == 1 && !filed.contains(numbers(d).get(0)));
        Browser.textContains(browser, "#queue-rows", "路灯不亮");
        search(browser, "第137号路灯坏了，" + marker);
        Browser.waiting(browser).until(d -> numbers(d).equals(List.of(filed.get(137))));
        // the phone never went into a URL: the desk searches with a POST body
        assertThat(text(browser, "performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
                .doesNotContain(phone.substring(3, 7));
    }

    @Test
    void eachRoleIsOfferedOnlyItsOwnActionsAndNotesStayInside(ChromeDriver browser) throws Exception {
        JsonNode filed = fileRequest("人民路的井盖松动了，车压过去哐哐响，很危险", "13600001234");
        String number = filed.get("trackingNumber").stringValue();
        String code = filed.get("verificationCode").stringValue();

        AgentConsoleTest.signIn(browser, null);
        Browser.visible(browser, "#queue-views [data-view=awaiting-dispatch] [data-field=count]");
        Browser.clickWhenReady(browser, "#queue-views [data-view=awaiting-dispatch]");
        AgentConsoleTest.openTicket(browser, number);
        assertThat(AgentConsoleTest.actions(browser)).contains("dispatch").doesNotContain("accept", "reject", "resolve", "start");
        new Actions(browser).sendKeys("d").perform();
        Browser.visible(browser, "#department-choice");
        List<WebElement> offered = browser.findElements(By.cssSelector("#department-choice input[value='" + CITY + "']"));
        if (offered.isEmpty()) {
            new Select(browser.findElement(By.id("dispatch-other"))).selectByValue(CITY);
        } else {
            offered.get(0).click();
        }
        browser.findElement(By.id("action-note")).sendKeys("分拨员内部说明：井盖归城管");
        browser.findElement(By.id("action-submit")).click();
        Browser.textContains(browser, "#detail-body [data-field=status]", "已派单");
        assertThat(AgentConsoleTest.actions(browser)).contains("escalate").doesNotContain("accept", "reject", "dispatch");
        new Actions(browser).sendKeys("a").perform();
        assertThat(browser.findElement(By.id("action-dialog")).isDisplayed()).isFalse();
        writeDesktopAndPhoneScreenshots(browser);

        AgentConsoleTest.signIn(browser, CITY);
        Browser.visible(browser, "#queue-views [data-view=awaiting-acceptance]");
        assertThat(browser.findElement(By.cssSelector("#queue-views [data-view=awaiting-acceptance]")).getText()).contains("我的部门待签收");
        assertThat(browser.findElements(By.cssSelector("#queue-views [data-view=awaiting-dispatch]"))).isEmpty();
        AgentConsoleTest.openTicket(browser, number);
        assertThat(AgentConsoleTest.actions(browser)).contains("accept", "reject").doesNotContain("dispatch", "escalate", "close");
        new Actions(browser).sendKeys("a").perform();
        Browser.visible(browser, "#action-submit").click();
        Browser.textContains(browser, "#detail-body [data-field=status]", "已签收");
        Browser.visible(browser, "#note-text").sendKeys("内部：材料明天才到");
        browser.findElement(By.id("note-internal")).click();
        Browser.textContains(browser, "#detail-body .history", "内部：材料明天才到");
        Browser.visible(browser, "#note-text").sendKeys("您好，井盖将于明天更换。");
        browser.findElement(By.id("note-public")).click();
        Browser.textContains(browser, "#detail-body .history", "您好，井盖将于明天更换。");
        String history = text(browser, "document.querySelector('#detail-body .history').innerText");
        assertThat(history).contains("12345热线分拨中心", CITY, "市民").doesNotContain("staff-", "channel:", "dispatch-queue");
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast on the desk").isEmpty();

        HttpResponse<String> citizen = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/requests/"
                + number + "?code=" + code)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(citizen.statusCode()).isEqualTo(200);
        assertThat(citizen.body()).contains("您好，井盖将于明天更换。")
                .doesNotContain("材料明天才到", "分拨员内部说明", "自动分类", "已通知");
    }

    @Test
    void theDuplicatesChipCountsLikelyDuplicatesAndListsThem(ChromeDriver browser) throws Exception {
        String pool = "甲乙丙丁戊己庚辛壬癸梅兰竹菊松柏桃李杏枫桐榆柳槐桂枣栗杉橙柚";
        java.util.Random random = new java.util.Random();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        // a road no other test uses, so the likely duplicate found is this test's own
        String road = name + "路";
        String address = "江北区" + road + "18号";
        fileRequest(road + "的路灯坏了一个星期了，晚上一片漆黑，老人出门很不安全", "13600001234", address);
        long before = duplicatesCount();
        String second = fileRequest(road + "的路灯坏了一个星期了，晚上一片漆黑，老人出门非常不安全", "13600005678", address)
                .get("trackingNumber").stringValue();
        long after = duplicatesCount();
        assertThat(after).isEqualTo(before + 1);

        AgentConsoleTest.signIn(browser, null);
        // the chips are drawn anew on every refresh: each check reads the page as it is at that moment
        Browser.visible(browser, "#queue-views [data-view=duplicates] [data-field=count]");
        String chip = "document.querySelector('#queue-views [data-view=duplicates]')";
        Browser.waiting(browser).until(d -> String.valueOf(after).equals(text((ChromeDriver) d,
                chip + ".querySelector('[data-field=count]').textContent")));
        assertThat(text(browser, chip + ".disabled")).isEqualTo("false");
        assertThat(text(browser, chip + ".textContent")).startsWith("重复件");
        assertThat(text(browser, "document.getElementById('queue-views').innerText")).doesNotContain("待接入");
        Browser.clickWhenReady(browser, "#queue-views [data-view=duplicates]");
        // the newest suspected duplicate leads the view
        Browser.waiting(browser).until(d -> !numbers(d).isEmpty() && numbers(d).get(0).equals(second));
        assertThat(text(browser, chip + ".getAttribute('aria-pressed')")).isEqualTo("true");
        Browser.textContains(browser, "#queue-sort-hint", "重复件");
        AgentConsoleTest.openTicket(browser, second);
        Browser.textContains(browser, "#detail-number", second);
    }

    @Test
    void aKnowledgeEditorSignsInOnTheDevelopmentFormAndSeesTheGapList(ChromeDriver browser) throws Exception {
        String question = "知识缺口" + UUID.randomUUID().toString().substring(0, 6) + "怎么办理";
        HttpResponse<String> vote = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/inquiries/feedback"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"desk-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\",\"question\":\"" + question + "\",\"helpful\":false}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);

        AgentConsoleTest.signIn(browser, CITY);
        browser.findElement(By.id("sign-out")).click();
        Browser.visible(browser, "#dev-sign-in");
        Browser.waiting(browser).until(d -> d.findElements(By.cssSelector("#sign-in-role option[value='__knowledge-editor']")).size() == 1);
        new Select(browser.findElement(By.id("sign-in-role"))).selectByValue("__knowledge-editor");
        browser.findElement(By.id("sign-in-submit")).click();
        Browser.textContains(browser, "#identity-name", "知识库编辑");
        Browser.textContains(browser, "#gaps-rows", question);
        assertThat(browser.findElement(By.id("tab-gaps")).getAttribute("aria-selected")).isEqualTo("true");
        // the editor has no queue, alarms or statistics: those tabs and panels stay away
        for (String tab : List.of("tab-queue", "tab-alarms", "tab-stats")) {
            assertThat(browser.findElement(By.id(tab)).isDisplayed()).as(tab).isFalse();
        }
        assertThat(browser.findElement(By.id("panel-queue")).isDisplayed()).isFalse();
        assertThat(text(browser, "window.BianminConsole.claims().role")).isEqualTo("knowledge-editor");
    }

    private static long duplicatesCount() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/staff/requests/views"))
                .header("authorization", "Bearer " + dispatchToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode view : JSON.readTree(response.body()).get("views")) {
            if (view.get("view").stringValue().equals("duplicates")) {
                return view.get("count").longValue();
            }
        }
        throw new AssertionError("no duplicates view in " + response.body());
    }

    private static void writeDesktopAndPhoneScreenshots(ChromeDriver browser) throws Exception {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Browser.clickWhenReady(browser, "#queue-views [data-view='']");
        Browser.visible(browser, "#queue-rows tr");
        browser.manage().window().setSize(new Dimension(1280, 900));
        Files.write(target.resolve("agent-desk-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.visible(browser, "#queue-rows tr");
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling of the page on a phone").isTrue();
        Files.write(target.resolve("agent-desk-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void search(WebDriver browser, String q) {
        WebElement box = browser.findElement(By.id("queue-search"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(q);
        box.sendKeys(Keys.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static List<String> numbers(WebDriver browser) {
        return (List<String>) ((ChromeDriver) browser).executeScript(
                "return Array.from(document.querySelectorAll('#queue-rows tr')).map(r => r.dataset.trackingNumber)");
    }

    private static String text(ChromeDriver browser, String expression) {
        return String.valueOf(browser.executeScript("return " + expression));
    }

    @SuppressWarnings("unchecked")
    private static List<String> staffStorage(ChromeDriver browser) {
        return (List<String>) browser.executeScript("return Object.keys(sessionStorage).concat(Object.keys(localStorage))"
                + ".filter(k => k.startsWith('bianmin.staff'))");
    }

    private static String dispatchToken() {
        return LocalRuntime.devToken(List.of("--dispatch"));
    }

    private static void dispatch(String number, String department) throws Exception {
        HttpResponse<String> response = post("/v1/staff/requests/" + number + "/transitions",
                "{\"action\":\"dispatch\",\"department\":\"" + department + "\"}", dispatchToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + path))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode fileRequest(String text, String phone) throws Exception {
        return fileRequest(text, phone, "江北区外滩街道人民路88号");
    }

    private static JsonNode fileRequest(String text, String phone, String address) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/requests"))
                .header("content-type", "application/json").header("Idempotency-Key", "desk-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"phone\":\"" + phone + "\","
                        + "\"location\":{\"address\":\"" + address + "\"},\"channel\":\"api\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    @SuppressWarnings("unused")
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
