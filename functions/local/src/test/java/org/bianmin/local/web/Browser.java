package org.bianmin.local.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium per test, injected as a parameter. When a test fails, a screenshot and the page's HTML
 * are saved under {@code target/e2e-screenshots/} before the browser closes ({@code -Dbianmin.e2e.screenshots=always}
 * saves them for passing tests too, to look at the pages).
 */
final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback, ParameterResolver {

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        DebianChromium.ensureInstalled();
        Path profile = Files.createTempDirectory("bianmin-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DebianChromium.BROWSER.toFile());
        // As root Chromium needs --no-sandbox; the rest keeps it off the (closed) network and quiet.
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=1280,900", "--user-data-dir=" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DebianChromium.DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        context.getStore(NAMESPACE).put("driver", driver);
        context.getStore(NAMESPACE).put("profile", profile);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty() && !"always".equals(System.getProperty("bianmin.e2e.screenshots"))) {
            return;
        }
        ChromeDriver driver = context.getStore(NAMESPACE).get("driver", ChromeDriver.class);
        Files.createDirectories(SCREENSHOTS);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ChromeDriver driver = context.getStore(NAMESPACE).remove("driver", ChromeDriver.class);
        if (driver != null) {
            driver.quit();
        }
        Path profile = context.getStore(NAMESPACE).remove("profile", Path.class);
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get("driver", ChromeDriver.class);
    }

    /**
     * Scrolls the element to the middle of the window, then clicks it. The chatbot's input bar is fixed to the
     * window's bottom edge, where the driver's own scrolling may leave a button under it.
     */
    static void press(WebDriver driver, WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * The receipt after 提交. When the suite filed the same problem nearby before, the form first offers to follow
     * that request ("附近已有类似诉求正在办理", SimilarRequestsPageTest tests it); these tests file their own anyway.
     */
    static WebElement receiptAfterSubmit(WebDriver driver) {
        WebElement shown = new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".message.receipt, .similar-requests")));
        if (shown.getAttribute("class").contains("similar-requests")) {
            List<WebElement> buttons = shown.findElements(By.cssSelector(":scope > button"));
            buttons.get(buttons.size() - 1).click();
        }
        return visible(driver, ".message.receipt");
    }

    /** Waits up to 15 s for an element matching {@code css} to be visible. */
    static WebElement visible(WebDriver driver, String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits up to 15 s for the element's text to contain {@code text}. */
    static void textContains(WebDriver driver, String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Clicks the element once it is there, again if a list refresh replaced it between finding and clicking. */
    static void clickWhenReady(WebDriver driver, String css) {
        waiting(driver).ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .until(d -> {
                    d.findElement(By.cssSelector(css)).click();
                    return true;
                });
    }

    /** Visible text below 4.5:1 contrast with its background (WCAG AA), as "TAG#id \"text\" ratio". */
    @SuppressWarnings("unchecked")
    static List<String> lowContrastText(ChromeDriver driver) {
        try (var in = Browser.class.getClassLoader().getResourceAsStream("e2e/low-contrast.js")) {
            return (List<String>) driver.executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
