package org.bianmin.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.bianmin.local.LocalRuntime;
import tools.jackson.databind.JsonNode;

/** The citizen chatbot in a real headless Chromium against the local runtime. */
@ExtendWith({RunningRuntime.class, Browser.class})
class ChatbotPageTest {

    @Test
    void answersAQuestionWithItsSourceEntry(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement reply = ask(browser, "身份证丢了怎么补办");

        assertThat(reply.getAttribute("data-action")).isEqualTo("ANSWER");
        assertThat(reply.findElement(By.cssSelector(".answer")).getText()).contains("补领");
        assertThat(reply.findElement(By.cssSelector(".source")).getText()).contains("身份证丢失补领").contains("市公安局");
    }

    @Test
    void suggestionChipsOnClarifyAskTheChosenQuestionInTheSameConversation(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement clarify = ask(browser, "护照");
        assertThat(clarify.getAttribute("data-action")).isEqualTo("CLARIFY");
        List<WebElement> chips = clarify.findElements(By.cssSelector(".chip"));
        assertThat(chips).hasSizeBetween(2, 3);
        String chosen = chips.get(0).getText();

        int before = replies(browser).size();
        chips.get(0).click();
        WebElement answer = nextReply(browser, before);
        assertThat(answer.getAttribute("data-action")).isEqualTo("ANSWER");
        assertThat(answer.findElement(By.cssSelector(".source")).getText()).contains(chosen);

        // A short follow-up is answered from the conversation's topic.
        WebElement followUp = ask(browser, "在哪里办");
        assertThat(followUp.getAttribute("data-action")).isEqualTo("ANSWER");
        assertThat(followUp.findElement(By.cssSelector(".answer")).getText()).contains("办理地点");
        assertThat(followUp.findElement(By.cssSelector(".source")).getText()).contains("护照");
    }

    @Test
    void anEmergencyShowsTheNumberFirstAsADialLinkWithStepsAndTheUrgentRequest(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement reply = ask(browser, "我家厨房着火了怎么办");

        assertThat(reply.getAttribute("data-action")).isEqualTo("EMERGENCY");
        WebElement number = reply.findElement(By.cssSelector(".emergency-number"));
        assertThat(number.getText()).isEqualTo("119");
        assertThat(number.getAttribute("href")).isEqualTo("tel:119");
        assertThat(reply.getText()).startsWith("请立即拨打 119");
        assertThat(reply.findElements(By.cssSelector(".emergency-steps li"))).hasSizeBetween(2, 4);
        assertThat(reply.findElements(By.cssSelector(".source"))).isEmpty();
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in an emergency").isEmpty();

        Browser.press(browser, reply.findElement(By.cssSelector(".open-handoff")));
        assertThat(Browser.visible(browser, "#handoff-text").getAttribute("value")).isEqualTo("我家厨房着火了怎么办");
    }

    @Test
    void handoffFilesARequestOnceAndTheCitizenLooksItUp(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
        assertThat(handoff.getAttribute("data-action")).isEqualTo("HANDOFF");
        Browser.press(browser, handoff.findElement(By.cssSelector(".open-handoff")));

        WebElement text = Browser.visible(browser, "#handoff-text");
        assertThat(text.getAttribute("value")).isEqualTo("我家楼下下水道堵了，污水漫到路上");
        // Bad input is explained next to the field and nothing is sent.
        browser.findElement(By.id("handoff-phone")).sendKeys("12345");
        browser.findElement(By.id("handoff-submit")).click();
        assertThat(browser.findElement(By.id("handoff-phone-error")).getText()).contains("有效的手机号");
        assertThat(browser.findElement(By.id("handoff-address-error")).getText()).contains("地址");
        assertThat(browser.findElement(By.id("handoff-phone")).getAttribute("aria-invalid")).isEqualTo("true");

        browser.findElement(By.id("handoff-phone")).clear();
        browser.findElement(By.id("handoff-phone")).sendKeys("138 1234 5678");
        browser.findElement(By.id("handoff-address")).sendKeys("海曙区南门街道柳汀新村5幢");
        browser.findElement(By.id("handoff-submit")).click();

        WebElement receipt = Browser.receiptAfterSubmit(browser);
        String trackingNumber = receipt.findElement(By.cssSelector("[data-field=trackingNumber]")).getText();
        String code = receipt.findElement(By.cssSelector("[data-field=verificationCode]")).getText();
        assertThat(trackingNumber).matches("BM\\d{12}");
        assertThat(code).matches("\\d{6}");
        assertThat(browser.findElements(By.cssSelector(".message.receipt"))).hasSize(1);

        // Looked up from a fresh page, the way a citizen comes back later.
        browser.get(RunningRuntime.base() + "/");
        browser.findElement(By.id("open-lookup")).click();
        Browser.visible(browser, "#lookup-number").sendKeys(trackingNumber);
        browser.findElement(By.id("lookup-code")).sendKeys(code.equals("000000") ? "000001" : "000000");
        browser.findElement(By.id("lookup-submit")).click();
        Browser.textContains(browser, "#lookup-status", "没有找到");

        browser.findElement(By.id("lookup-code")).clear();
        browser.findElement(By.id("lookup-code")).sendKeys(code);
        browser.findElement(By.id("lookup-submit")).click();
        Browser.textContains(browser, "#lookup-result", trackingNumber);
        assertThat(browser.findElement(By.cssSelector("#lookup-result [data-field=status]")).getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.cssSelector("#lookup-result .timeline")).getText()).contains("已受理");
        assertThat(browser.findElement(By.id("rating-form")).isDisplayed()).isFalse();
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling(ChromeDriver browser) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(RunningRuntime.base() + "/");
        ask(browser, "我家楼下下水道堵了，污水漫到路上");
        ask(browser, "公积金怎么提取");
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in a conversation").isEmpty();
        WebElement composer = browser.findElement(By.id("question"));
        assertThat(composer.isDisplayed()).isTrue();
        Number composerBottom = (Number) browser.executeScript(
                "return document.getElementById('ask').getBoundingClientRect().bottom - window.innerHeight");
        assertThat(composerBottom.intValue()).as("the question box stays on screen").isLessThanOrEqualTo(0);
    }

    @Test
    void offlineAndRetryAreExplainedInChinese(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);

        browser.findElement(By.id("question")).sendKeys("公积金怎么提取", Keys.ENTER);
        WebElement error = Browser.visible(browser, ".message.error [role=alert]");
        assertThat(error.getText()).contains("网络");
        assertThat(browser.findElement(By.id("offline-banner")).isDisplayed()).isTrue();
        // the banner stays on screen however far the conversation scrolls
        browser.executeScript("document.getElementById('conversation').style.minHeight = '3000px'; window.scrollTo(0, 2500)");
        Number bannerTop = (Number) browser.executeScript("return document.getElementById('offline-banner').getBoundingClientRect().top");
        assertThat(bannerTop.doubleValue()).isBetween(0.0, 200.0);
        browser.executeScript("document.getElementById('conversation').style.minHeight = ''");

        browser.deleteNetworkConditions();
        browser.executeScript("window.dispatchEvent(new Event('online'))");
        int before = replies(browser).size();
        browser.findElement(By.cssSelector(".message.error .retry")).click();
        WebElement answer = nextReply(browser, before);
        assertThat(answer.getAttribute("data-action")).isIn("ANSWER", "CLARIFY");
        assertThat(browser.findElement(By.id("offline-banner")).isDisplayed()).isFalse();
        // the retry did not repeat the citizen's bubble, and the failed attempt's message is gone
        assertThat(browser.findElements(By.cssSelector(".message.user")).stream().map(WebElement::getText))
                .containsExactly("公积金怎么提取");
        assertThat(browser.findElements(By.cssSelector(".message.error"))).isEmpty();
    }

    @Test
    void everyControlIsLabelledAndEveryAssetComesFromTheRuntime(ChromeDriver browser) {
        for (String page : List.of("/", "/console/")) {
            browser.get(RunningRuntime.base() + page);
            Browser.waiting(browser).until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) browser.executeScript(
                    "return Array.from(document.querySelectorAll('input, select, textarea'))"
                            + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                            + ".map(e => e.id || e.name || e.outerHTML)");
            assertThat(unlabelled).as("form controls without a label on %s", page).isEmpty();
            assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast on %s", page).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> foreign = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                            + ".filter(u => !u.startsWith(location.origin + '/'))");
            assertThat(foreign).as("assets not served by the runtime on %s", page).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> lang = (Map<String, Object>) browser.executeScript(
                    "return {lang: document.documentElement.lang, scripts: document.scripts.length}");
            assertThat(lang.get("lang")).isEqualTo("zh-CN");
            assertThat(((Number) lang.get("scripts")).intValue()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void reloadKeepsTheConversationAndTheReceiptAndMyRequestsShowsItsLiveStatus(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        ask(browser, "公积金怎么提取");
        WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
        Browser.press(browser, handoff.findElement(By.cssSelector(".open-handoff")));
        String[] receipt = fillAndFile(browser, "海曙区南门街道柳汀新村7幢");
        int bubbles = browser.findElements(By.cssSelector(".message")).size();

        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", RunningRuntime.base(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.findElement(By.cssSelector(".message.receipt .copy-receipt")).click();
        Browser.textContains(browser, ".message.receipt .copy-status", "已复制");
        assertThat((String) browser.executeScript("return navigator.clipboard.readText()"))
                .contains(receipt[0]).contains(receipt[1]);

        browser.navigate().refresh();
        WebElement kept = Browser.visible(browser, ".message.receipt");
        assertThat(kept.findElement(By.cssSelector("[data-field=trackingNumber]")).getText()).isEqualTo(receipt[0]);
        assertThat(kept.findElement(By.cssSelector("[data-field=verificationCode]")).getText()).isEqualTo(receipt[1]);
        assertThat(browser.findElements(By.cssSelector(".message"))).hasSize(bubbles);
        assertThat(browser.findElements(By.cssSelector(".message.user")).stream().map(WebElement::getText))
                .containsExactly("公积金怎么提取", "我家楼下下水道堵了，污水漫到路上");
        WebElement used = browser.findElement(By.cssSelector(".message[data-action=HANDOFF] .open-handoff"));
        assertThat(used.isEnabled()).isFalse();
        assertThat(used.getText()).contains(receipt[0]);

        browser.findElement(By.id("open-mine")).click();
        WebElement row = Browser.visible(browser, "#mine-list li[data-tracking-number='" + receipt[0] + "']");
        Browser.waiting(browser).until(d -> !row.findElement(By.cssSelector("[data-field=status]")).getText().contains("查询中"));
        assertThat(row.findElement(By.cssSelector("[data-field=status]")).getText()).isEqualTo("已受理");
        screenshot(browser, "chatbot-my-requests-desktop");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot(browser, "chatbot-my-requests-phone");

        // a shared device: 清除记录 removes the conversation and the receipts from this browser
        browser.findElement(By.id("clear-history")).click();
        browser.switchTo().alert().accept();
        Browser.visible(browser, ".message.notice-cleared");
        browser.navigate().refresh();
        Browser.visible(browser, "#question");
        assertThat(browser.findElements(By.cssSelector(".message.receipt, .message.user"))).isEmpty();
        browser.findElement(By.id("open-mine")).click();
        assertThat(Browser.visible(browser, "#mine-empty").getText()).contains("还没有");
    }

    @Test
    void aSecondClickNeverFilesASecondRequest(ChromeDriver browser) throws Exception {
        browser.get(RunningRuntime.base() + "/");
        WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
        Browser.press(browser, handoff.findElement(By.cssSelector(".open-handoff")));
        String address = "江北区孔浦街道" + System.nanoTime() % 100000 + "号";
        Browser.visible(browser, "#handoff-phone").sendKeys("13812345678");
        browser.findElement(By.id("handoff-address")).sendKeys(address);
        // two clicks in the same instant, the way an impatient thumb does it
        browser.executeScript("const b = document.getElementById('handoff-submit'); b.click(); b.click();");
        WebElement receipt = Browser.receiptAfterSubmit(browser);
        String number = receipt.findElement(By.cssSelector("[data-field=trackingNumber]")).getText();

        // the reply's old button is retired: it cannot open the form again, also after a reload
        WebElement old = browser.findElement(By.cssSelector(".message[data-action=HANDOFF] .open-handoff"));
        assertThat(old.isEnabled()).isFalse();
        browser.executeScript("arguments[0].click()", old);
        assertThat(browser.findElement(By.id("handoff-dialog")).isDisplayed()).isFalse();
        browser.navigate().refresh();
        assertThat(Browser.visible(browser, ".message[data-action=HANDOFF] .open-handoff").isEnabled()).isFalse();
        assertThat(browser.findElements(By.cssSelector(".message.receipt"))).hasSize(1);

        assertThat(ticketsAt(address)).containsExactly(number);
    }

    @Test
    void feedbackIsStoredAndShownToStaffAsAKnowledgeGap(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement answer = ask(browser, "居住证怎么申请");
        assertThat(answer.getAttribute("data-action")).isEqualTo("ANSWER");
        // laid out by sections: the summary, then headed parts, the long ones folded
        assertThat(answer.findElements(By.cssSelector(".section"))).isNotEmpty();
        assertThat(answer.findElements(By.cssSelector(".section h3, .section summary")).stream().map(WebElement::getText))
                .anyMatch(h -> h.startsWith("所需材料") || h.startsWith("办理流程") || h.startsWith("办理地点"));
        answer.findElement(By.cssSelector(".feedback [data-vote=down]")).click();
        Browser.textContains(browser, ".message[data-action=ANSWER] .feedback", "感谢反馈");
        assertThat(browser.findElements(By.cssSelector(".message[data-action=ANSWER] .feedback button"))).isEmpty();
        screenshot(browser, "chatbot-answer-desktop");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot(browser, "chatbot-answer-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        AgentConsoleTest.signIn(browser, null);
        browser.findElement(By.id("tab-gaps")).click();
        Browser.textContains(browser, "#gaps-rows", "居住证怎么申请");
        assertThat(browser.findElement(By.id("panel-queue")).isDisplayed()).isFalse();
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast in the gap list").isEmpty();
        screenshot(browser, "console-knowledge-gaps-desktop");
        // sign-out leaves nothing of the list behind
        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.findElements(By.cssSelector("#gaps-rows tr"))).isEmpty();
        assertThat(browser.findElement(By.id("tab-gaps")).isDisplayed()).isFalse();
    }

    @Test
    void theCounterSaysTheLimitBeforeSendingAndNothingIsCut(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement input = Browser.visible(browser, "#question");
        assertThat(browser.findElement(By.id("question-counter")).getText()).isEqualTo("0/500");
        String pasted = "我想咨询一下".repeat(100);
        browser.executeScript("const q = arguments[0]; q.value = arguments[1]; q.dispatchEvent(new Event('input'));", input, pasted);
        assertThat(input.getAttribute("value")).hasSize(600);
        assertThat(browser.findElement(By.id("question-counter")).getText()).contains("600/500").contains("超出100字");
        assertThat(browser.findElement(By.id("send")).isEnabled()).isFalse();
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        input.sendKeys(Keys.ENTER);
        assertThat(browser.findElements(By.cssSelector(".message.user"))).isEmpty();
        assertThat(input.getAttribute("value")).hasSize(600);
        assertThat(Browser.lowContrastText(browser)).as("text below 4.5:1 contrast with the counter over the limit").isEmpty();

        browser.executeScript("const q = arguments[0]; q.value = q.value.substring(0, 500); q.dispatchEvent(new Event('input'));", input);
        assertThat(browser.findElement(By.id("question-counter")).getText()).isEqualTo("500/500");
        assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
    }

    @Test
    void aPhotoIsResizedInTheBrowserUploadedAndShownToStaff(ChromeDriver browser) throws Exception {
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("bianmin-photo-", ".jpg");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2400, 1200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.ORANGE);
        g.fillRect(0, 0, 2400, 1200);
        g.dispose();
        javax.imageio.ImageIO.write(image, "jpg", photo.toFile());
        try {
            browser.get(RunningRuntime.base() + "/");
            WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
            Browser.press(browser, handoff.findElement(By.cssSelector(".open-handoff")));
            Browser.visible(browser, "#handoff-phone");
            browser.findElement(By.id("handoff-photos")).sendKeys(photo.toAbsolutePath().toString());
            Browser.visible(browser, "#handoff-photo-list img");
            screenshot(browser, "chatbot-request-form-desktop");
            String[] receipt = fillAndFile(browser, "鄞州区首南街道天童南路" + System.nanoTime() % 1000 + "号");
            Browser.textContains(browser, ".message.receipt .photo-status", "已上传1张照片");

            String dispatch = LocalRuntime.devToken(List.of("--dispatch"));
            JsonNode listed = JSON.readTree(staffGet("/v1/staff/requests/" + receipt[0] + "/photos", dispatch));
            assertThat(listed.get("photos").size()).isEqualTo(1);
            JsonNode one = JSON.readTree(staffGet("/v1/staff/requests/" + receipt[0] + "/photos/photo-1", dispatch));
            assertThat(one.get("contentType").stringValue()).isEqualTo("image/jpeg");
            java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(one.get("data").stringValue())));
            assertThat(stored.getWidth()).as("resized to 1600 px on its long side").isEqualTo(1600);
            assertThat(stored.getHeight()).isEqualTo(800);

            // the dispatch centre sees it on the ticket
            AgentConsoleTest.signIn(browser, null);
            AgentConsoleTest.openTicket(browser, receipt[0]);
            WebElement shown = Browser.visible(browser, "#detail-body .ticket-photos img");
            assertThat(shown.getAttribute("src")).startsWith("data:image/jpeg;base64,");
            screenshot(browser, "console-ticket-photos-desktop");
        } finally {
            java.nio.file.Files.deleteIfExists(photo);
        }
    }

    @Test
    void myLocationIsAttachedWhereTheBrowserAllowsIt(ChromeDriver browser) throws Exception {
        browser.get(RunningRuntime.base() + "/");
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", RunningRuntime.base(), "permissions", List.of("geolocation")));
        browser.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", 29.8683, "longitude", 121.544, "accuracy", 30));
        WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
        Browser.press(browser, handoff.findElement(By.cssSelector(".open-handoff")));
        Browser.visible(browser, "#handoff-locate").click();
        Browser.textContains(browser, "#handoff-location-status", "已附上您的位置");
        browser.findElement(By.id("handoff-phone")).sendKeys("13812345678");
        browser.findElement(By.id("handoff-submit")).click();
        String number = Browser.receiptAfterSubmit(browser).findElement(By.cssSelector("[data-field=trackingNumber]")).getText();
        JsonNode queue = JSON.readTree(staffGet("/v1/staff/requests?limit=200", LocalRuntime.devToken(List.of("--dispatch"))));
        JsonNode location = null;
        for (JsonNode ticket : queue.get("items") == null ? queue.get("requests") : queue.get("items")) {
            if (ticket.get("trackingNumber").stringValue().equals(number)) {
                location = ticket.get("location");
            }
        }
        assertThat(location).as("ticket " + number + " in the queue").isNotNull();
        assertThat(location.toString()).contains("29.8683").contains("121.544");

        // refused: the form says so and the address is asked for instead
        browser.get(RunningRuntime.base() + "/");
        browser.executeCdpCommand("Browser.resetPermissions", Map.of());
        browser.executeCdpCommand("Browser.setPermission", Map.of("origin", RunningRuntime.base(),
                "permission", Map.of("name", "geolocation"), "setting", "denied"));
        Browser.press(browser, ask(browser, "我家楼下下水道堵了，污水漫到路上").findElement(By.cssSelector(".open-handoff")));
        Browser.visible(browser, "#handoff-locate").click();
        Browser.textContains(browser, "#handoff-location-status", "手动填写地址");
    }

    @Test
    void repliesAreReadFromTheirStartAboveTheInputBar(ChromeDriver browser) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(RunningRuntime.base() + "/");
        ask(browser, "公积金怎么提取");
        ask(browser, "身份证丢了怎么补办");
        WebElement reply = ask(browser, "居住证怎么申请");
        // the smooth scroll settles within a moment
        Browser.waiting(browser).until(d -> {
            Number top = (Number) ((ChromeDriver) d).executeScript("return arguments[0].getBoundingClientRect().top", reply);
            Number barBottom = (Number) ((ChromeDriver) d).executeScript(
                    "return document.querySelector('.top-bar').getBoundingClientRect().bottom");
            Number composerTop = (Number) ((ChromeDriver) d).executeScript(
                    "return document.getElementById('ask').getBoundingClientRect().top");
            return top.doubleValue() >= barBottom.doubleValue() - 1 && top.doubleValue() < composerTop.doubleValue() - 40;
        });
        screenshot(browser, "chatbot-conversation-phone");
    }

    /** Fills phone and address in the open request form, files it and returns the receipt's number and code. */
    static String[] fillAndFile(WebDriver browser, String address) {
        Browser.visible(browser, "#handoff-phone").sendKeys("138 1234 5678");
        browser.findElement(By.id("handoff-address")).sendKeys(address);
        browser.findElement(By.id("handoff-submit")).click();
        WebElement receipt = Browser.receiptAfterSubmit(browser);
        return new String[] {receipt.findElement(By.cssSelector("[data-field=trackingNumber]")).getText(),
                receipt.findElement(By.cssSelector("[data-field=verificationCode]")).getText()};
    }

    /** The page as it is, for people to look at: {@code target/screenshots/NAME.png}. */
    static void screenshot(ChromeDriver browser, String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private static String staffGet(String path, String token) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(RunningRuntime.base() + path))
                        .header("authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The tracking numbers of the tickets filed at this address, from the dispatch centre's queue. */
    private static List<String> ticketsAt(String address) throws Exception {
        JsonNode queue = JSON.readTree(staffGet("/v1/staff/requests?limit=200", LocalRuntime.devToken(List.of("--dispatch"))));
        List<String> numbers = new java.util.ArrayList<>();
        for (JsonNode ticket : queue.get("items") == null ? queue.get("requests") : queue.get("items")) {
            if (ticket.path("location").path("address").asString("").equals(address)) {
                numbers.add(ticket.get("trackingNumber").stringValue());
            }
        }
        return numbers;
    }

    /** Types a question, sends it with the Enter key and returns the bot's reply to it. */
    static WebElement ask(WebDriver browser, String question) {
        int before = replies(browser).size();
        WebElement input = Browser.visible(browser, "#question");
        input.sendKeys(question, Keys.ENTER);
        return nextReply(browser, before);
    }

    static List<WebElement> replies(WebDriver browser) {
        return browser.findElements(By.cssSelector(".message.bot[data-action]"));
    }

    static WebElement nextReply(WebDriver browser, int before) {
        Browser.waiting(browser).until(d -> replies(d).size() > before);
        List<WebElement> all = replies(browser);
        return all.get(all.size() - 1);
    }
}
