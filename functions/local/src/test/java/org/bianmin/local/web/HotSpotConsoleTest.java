package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's hot-spot view in a real headless Chromium: reports imported through the running API become a hot
 * spot, which the dispatch centre finds in its own tab, with its name, numbers and tickets; other tabs hide it.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class HotSpotConsoleTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Test
    void theDispatchCentreSeesTheHotSpotOfImportedReportsInItsOwnTab(ChromeDriver browser) throws Exception {
        String place = place() + "苑";
        String run = Long.toString(System.nanoTime(), 36);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        String rows = "[" + row(run + "-1", place + "小区旁边搅拌站噪音扰民", place + "小区旁边的搅拌站夜里机器轰鸣，噪音很大，粉尘也多。", now.minusDays(5), 4)
                + "," + row(run + "-2", "投诉" + place + "附近搅拌站", place + "小区附近的搅拌站半夜生产，噪音吵得睡不着，粉尘满天。", now.minusDays(3), 0)
                + "," + row(run + "-3", place + "搅拌站粉尘噪音污染严重", "家住" + place + "小区，旁边搅拌站的噪音和粉尘太严重了。", now.minusDays(1), 9) + "]";
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/staff/requests/import"))
                .header("content-type", "application/json").header("authorization", "Bearer " + LocalRuntime.devToken(List.of("--dispatch")))
                .POST(HttpRequest.BodyPublishers.ofString(rows)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        signInAsDispatchCentre(browser);
        WebElement tab = Browser.visible(browser, "#tab-hotspots");
        assertThat(tab.getText()).isEqualTo("热点问题");
        tab.click();
        Browser.visible(browser, "#panel-hotspots");
        assertThat(browser.findElement(By.id("panel-queue")).isDisplayed()).isFalse();
        assertThat(tab.getAttribute("aria-selected")).isEqualTo("true");
        Browser.textContains(browser, "#hotspot-list", place);

        WebElement hot = null;
        for (WebElement item : browser.findElements(By.cssSelector("#hotspot-list li.hotspot"))) {
            if (item.findElement(By.cssSelector(".hotspot-name")).getText().contains(place)) {
                hot = item;
            }
        }
        assertThat(hot).isNotNull();
        assertThat(hot.findElement(By.cssSelector(".hotspot-name")).getText()).contains("搅拌");
        assertThat(hot.findElement(By.cssSelector(".hotspot-facts")).getText()).contains("3件诉求").contains("3位反映人")
                .contains("13个点赞");
        hot.findElement(By.cssSelector("details summary")).click();
        String members = hot.findElement(By.cssSelector(".hotspot-members")).getText();
        assertThat(members).contains("原编号 " + run + "-1", "原编号 " + run + "-2", "原编号 " + run + "-3").containsPattern("BM\\d{12}");
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the hot-spot view").isEmpty();

        // another tab hides the view, and choosing it again shows it
        browser.findElement(By.id("tab-queue")).click();
        Browser.visible(browser, "#panel-queue");
        assertThat(browser.findElement(By.id("panel-hotspots")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("tab-hotspots")).getAttribute("aria-selected")).isEqualTo("false");
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

    /** A compound name of this run, so that reruns against the same runtime find their own hot spot. */
    private static String place() {
        String chars = "翠柏枫桦槐桂楠榕杉梧";
        Random random = new Random();
        return "" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()))
                + chars.charAt(random.nextInt(chars.length()));
    }

    private static String row(String id, String subject, String detail, ZonedDateTime at, int up) {
        return "{\"id\":\"" + id + "\",\"subject\":\"" + subject + "\",\"detail\":\"" + detail + "\",\"time\":\""
                + TIME.format(at) + "\",\"up\":" + up + "}";
    }
}
