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

        reply.findElement(By.cssSelector(".open-handoff")).click();
        assertThat(Browser.visible(browser, "#handoff-text").getAttribute("value")).isEqualTo("我家厨房着火了怎么办");
    }

    @Test
    void handoffFilesARequestOnceAndTheCitizenLooksItUp(ChromeDriver browser) {
        browser.get(RunningRuntime.base() + "/");
        WebElement handoff = ask(browser, "我家楼下下水道堵了，污水漫到路上");
        assertThat(handoff.getAttribute("data-action")).isEqualTo("HANDOFF");
        handoff.findElement(By.cssSelector(".open-handoff")).click();

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

        WebElement receipt = Browser.visible(browser, ".message.receipt");
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

        browser.deleteNetworkConditions();
        browser.executeScript("window.dispatchEvent(new Event('online'))");
        int before = replies(browser).size();
        browser.findElement(By.cssSelector(".message.error .retry")).click();
        WebElement answer = nextReply(browser, before);
        assertThat(answer.getAttribute("data-action")).isIn("ANSWER", "CLARIFY");
        assertThat(browser.findElement(By.id("offline-banner")).isDisplayed()).isFalse();
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
