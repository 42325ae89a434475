package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bianmin.local.LocalRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

/**
 * The director's statistics view in a real headless Chromium: the trend, the departments' figures (rates beside
 * their counts) and the top categories, each chart drawn by ECharts from the jar and followed by its table; the
 * date range and the department choice; the CSV export as the browser downloads it (BOM, header, columns); a
 * department sees only itself, and nothing of the previous identity after a sign-out. Screenshots of the view at
 * desktop and phone sizes go to {@code target/}.
 */
@ExtendWith({RunningRuntime.class, Browser.class})
class StatisticsViewTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIELD = "市城市管理局";
    private static final String WATER = "市水务局";

    @Test
    void theDirectorReadsTheTrendAndTheDepartmentsAndDownloadsTheCsv(ChromeDriver browser) throws Exception {
        String first = file("小区门口的路灯坏了一个星期，晚上一片漆黑");
        file("菜市场门口的垃圾三天没人清运，味道很大");
        file("人行道上的井盖松动了，踩上去会翻");
        String dispatch = LocalRuntime.devToken(List.of("--dispatch"));
        String field = LocalRuntime.devToken(List.of("--department", FIELD));
        transition(first, "{\"action\":\"dispatch\",\"department\":\"" + FIELD + "\"}", dispatch);
        transition(first, "{\"action\":\"accept\"}", field);
        transition(first, "{\"action\":\"resolve\",\"note\":\"已更换灯泡\"}", field);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        AgentConsoleTest.signIn(browser, null);
        browser.findElement(By.id("tab-stats")).click();
        Browser.visible(browser, "#stat-total");
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("[data-field=stat-total]")).getText()))
                .isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("stat-on-time")).getText()).as("the rate says how many it is of")
                .containsPattern("办结 \\d+ 件");
        assertThat(browser.findElement(By.id("stats-scope")).getText()).startsWith("全市");

        // the trend: every day of the default 30 days in the table, today's numbers in their row
        assertThat(rows(browser, "#stats-daily-table tbody tr")).isEqualTo(30);
        Map<String, String> todayRow = cells(browser, "#stats-daily-table tr[data-date='" + today + "']");
        assertThat(Integer.parseInt(todayRow.get("received"))).isGreaterThanOrEqualTo(3);
        assertThat(Integer.parseInt(todayRow.get("closed"))).isGreaterThanOrEqualTo(1);
        // the departments: the one that closed a ticket, its on-time rate beside its counts
        Map<String, String> fieldRow = cells(browser, "#stats-department-table tr[data-department='" + FIELD + "']");
        assertThat(Integer.parseInt(fieldRow.get("received"))).isGreaterThanOrEqualTo(1);
        assertThat(fieldRow.get("on-time")).matches("[0-9.]+%（\\d+/[1-9]\\d*）");
        assertThat(rows(browser, "#stats-category-table tbody tr")).isBetween(1, 10);
        // every chart is drawn (a canvas) and is one labelled image, its numbers in the table after it
        for (String chart : List.of("chart-trend", "chart-departments", "chart-categories")) {
            Browser.visible(browser, "#" + chart + " .echart canvas");
            assertThat(browser.findElement(By.cssSelector("#" + chart + " .echart")).getAttribute("aria-label")).endsWith("数据见下表。");
        }
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the statistics").isEmpty();
        screenshot(browser, "statistics-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.visible(browser, "#stat-total");
        screenshot(browser, "statistics-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // a shorter range, then one department
        browser.findElement(By.cssSelector("#stats-range [data-days='7']")).click();
        Browser.waiting(browser).until(d -> rows(d, "#stats-daily-table tbody tr") == 7);
        new Select(browser.findElement(By.id("stats-department"))).selectByValue(FIELD);
        browser.findElement(By.id("stats-apply")).click();
        Browser.textContains(browser, "#stats-scope", FIELD);
        assertThat(departmentsShown(browser)).containsOnly(FIELD);

        // the CSV, as the browser downloads it
        Path downloads = Files.createTempDirectory("bianmin-downloads-");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.<String, Object>of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", true));
        browser.findElement(By.id("stats-export-departments")).click();
        Path csv = Browser.waiting(browser).until(d -> finished(downloads));
        assertThat(csv.getFileName().toString()).matches("bianmin-statistics-departments-[0-9-]+_" + today + "\\.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).as("UTF-8 byte order mark for Excel")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("部门,受理量,办结量,按时办结量,按时办结率,平均办理时长（小时）,评价数,平均满意度（1-5分）,重开数,重开率,超期数");
        assertThat(lines.get(1)).startsWith(FIELD + ",");
        assertThat(lines.get(lines.size() - 1)).startsWith("合计（" + FIELD + "）,");
        lines.forEach(line -> assertThat(line.split(",", -1)).hasSize(11));
        assertThat(browser.findElement(By.id("stats-error")).getText()).isEmpty();

        // a department: itself only, no choice of department, nothing left of the dispatch centre's view
        AgentConsoleTest.signIn(browser, WATER);
        browser.findElement(By.id("tab-stats")).click();
        Browser.visible(browser, "#stat-total");
        Browser.textContains(browser, "#stats-scope", WATER);
        assertThat(browser.findElement(By.id("stats-department-field")).isDisplayed()).isFalse();
        assertThat(departmentsShown(browser)).allMatch(WATER::equals);
        assertThat((String) browser.executeScript("return document.getElementById('director-stats').textContent"))
                .doesNotContain(FIELD);
    }

    @Test
    void signingOutClearsTheStatistics(ChromeDriver browser) {
        AgentConsoleTest.signIn(browser, null);
        browser.findElement(By.id("tab-stats")).click();
        Browser.visible(browser, "#stat-total");
        browser.findElement(By.id("sign-out")).click();
        Browser.visible(browser, "#sign-in");
        assertThat(browser.findElements(By.cssSelector("#stats-cards .card, #stats-figures figure"))).isEmpty();
    }

    private static int rows(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    /** The cells of a table row by their data-field, read as text content (the daily table sits in a closed details). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> cells(ChromeDriver browser, String rowCss) {
        Browser.waiting(browser).until(d -> !d.findElements(By.cssSelector(rowCss)).isEmpty());
        return (Map<String, String>) browser.executeScript("const row = document.querySelector(arguments[0]);"
                + "const cells = {}; row.querySelectorAll('[data-field]').forEach(c => { cells[c.dataset.field] = c.textContent; });"
                + "return cells;", rowCss);
    }

    @SuppressWarnings("unchecked")
    private static List<String> departmentsShown(ChromeDriver browser) {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#stats-department-table tbody tr')).map(r => r.dataset.department)");
    }

    private static Path finished(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static String file(String text) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base() + "/v1/requests"))
                .header("content-type", "application/json").header("Idempotency-Key", "stats-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"phone\":\"13600002345\","
                        + "\"location\":{\"address\":\"海曙区鼓楼街道中山西路12号\"},\"channel\":\"api\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("trackingNumber").asString();
    }

    private static void transition(String trackingNumber, String body, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(RunningRuntime.base()
                        + "/v1/staff/requests/" + trackingNumber + "/transitions"))
                .header("content-type", "application/json").header("authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
