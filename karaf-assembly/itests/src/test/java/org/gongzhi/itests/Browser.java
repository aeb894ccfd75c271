package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}, pointed at the booted
 * platform: signing in through Keycloak's own login page, waiting on conditions (never on time),
 * Element Plus selects, screenshots at a desktop and a phone size, and axe-core accessibility checks.
 *
 * <p>Nothing is downloaded at test time: the driver and the browser are named explicitly (so
 * Selenium Manager never runs), and axe-core's script is a file the build fetched with npm
 * (system property {@code gongzhi.axe.script}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE_RESULTS = Path.of("target", "axe");

    /**
     * A rule that leaves what the browser showed when a test failed: target/screenshots/failed-<test>.png
     * and .html ({@code browser} may give null before the browser is open).
     */
    static org.junit.rules.TestWatcher captureOnFailure(java.util.function.Supplier<Browser> browser) {
        return new org.junit.rules.TestWatcher() {
            @Override
            protected void failed(Throwable e, org.junit.runner.Description test) {
                if (browser.get() != null) {
                    browser.get().capture("failed-" + test.getMethodName());
                }
            }
        };
    }

    /**
     * After a test class: writes the axe findings to target/axe/{@code <prefix>summary.txt} and the pages
     * wider than the window to target/screenshots/{@code <prefix>overflow.txt}, then closes the browser
     * (null: only the findings).
     */
    static void finish(Browser browser, String prefix, List<Violation> findings) throws IOException {
        Files.createDirectories(AXE_RESULTS);
        Files.write(AXE_RESULTS.resolve(prefix + "summary.txt"), findings.stream().map(Violation::toString).toList(),
                StandardCharsets.UTF_8);
        if (browser != null) {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(prefix + "overflow.txt"), browser.overflows(), StandardCharsets.UTF_8);
            browser.close();
        }
    }
    /** The two screen sizes every main page is shot at: a laptop and a phone. */
    static final int[][] SIZES = {{1366, 768}, {360, 740}};
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;
    private final List<String> overflows = new ArrayList<>();
    /** The phone screen emulated between screenshots (width, height), or null for the desktop window. */
    private int[] phone;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** A fresh headless Chromium (new profile, empty cache) for the platform at {@code base}. */
    static Browser open(String base) {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing: the browser tests drive Debian's chromium and "
                        + "chromium-driver. Run ./gongzhi setup (it installs both) and test again.");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=" + SIZES[0][0] + "," + SIZES[0][1],
                "--force-device-scale-factor=1", "--lang=zh-CN", "--no-first-run", "--disable-extensions",
                "--disable-sync", "--disable-default-apps", "--disable-component-update");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base.replaceAll("/+$", ""));
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Emulates a phone's screen of {@code width}×{@code height} CSS pixels (mobile viewport, scale 1)
     * for what follows; {@link #screenshots} returns to it after shooting.
     */
    void emulatePhone(int width, int height) {
        phone = new int[] {width, height};
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "screenWidth", width, "screenHeight", height, "deviceScaleFactor", 1, "mobile", true));
        settle(width);
    }

    String base() {
        return base;
    }

    /** Opens {@code path} of the platform (e.g. {@code /console/}). */
    void go(String path) {
        driver.get(base + path);
    }

    /** The current address without the platform's origin. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Waits until {@code condition} gives a value (not null, not false) and returns it. */
    <T> T until(String what, Function<WebDriver, T> condition) {
        return wait.withMessage(() -> what + " (at " + driver.getCurrentUrl() + ")").until(condition);
    }

    /** The visible element {@code css}, once there. */
    WebElement await(String css) {
        return until("visible: " + css, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until no visible element matches {@code css}. */
    void awaitGone(String css) {
        until("gone: " + css, ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Whether an element matches {@code css} right now (visible or not). */
    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        WebElement element = until("clickable: " + css, ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        // as a person would: bring it to the middle of the window first, clear of the sticky header
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        element.click();
    }

    /**
     * The text field {@code [data-test=<name>]}: Element Plus puts the attribute on the
     * {@code <input>}/{@code <textarea>} itself, a plain wrapper would hold it; both are found.
     */
    WebElement field(String name) {
        WebElement e = await("[data-test='" + name + "']");
        String tag = e.getTagName();
        return tag.equals("input") || tag.equals("textarea") ? e : e.findElement(By.cssSelector("input, textarea"));
    }

    /** Types {@code text} into the text field {@code [data-test=<name>]}, replacing what it held. */
    void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Chooses the option whose text contains {@code text} in the Element Plus select {@code css}:
     * a click opens its dropdown (teleported to the body), then the visible
     * {@code .el-select-dropdown__item} is clicked and the dropdown waited away.
     */
    void choose(String css, String text) {
        click(css);
        WebElement option = until("option '" + text + "' of " + css, d -> d
                .findElements(By.cssSelector(".el-select__popper .el-select-dropdown__item"))
                .stream().filter(WebElement::isDisplayed).filter(o -> o.getText().contains(text))
                .findFirst().orElse(null));
        option.click();
        until("the dropdown of " + css + " closed", d -> d
                .findElements(By.cssSelector(".el-select__popper .el-select-dropdown__item"))
                .stream().noneMatch(WebElement::isDisplayed));
    }

    /** Chooses the option with {@code value} in the native {@code <select>} at {@code css}. */
    void select(String css, String value) {
        WebElement element = await(css);
        until("option '" + value + "' of " + css, d -> element.findElements(By.cssSelector("option")).stream()
                .anyMatch(o -> value.equals(o.getAttribute("value"))) ? element : null);
        new org.openqa.selenium.support.ui.Select(element).selectByValue(value);
    }

    /** Clicks at the centre of {@code element} (a canvas map, for example), offset by dx/dy pixels. */
    void clickAt(WebElement element, int dx, int dy) {
        new Actions(driver).moveToElement(element, dx, dy).click().perform();
    }

    // ---- identity -------------------------------------------------------------------------

    /**
     * From the start page, follows the district's card ({@code a[data-district=<district>]}, the city
     * is {@code city}) to Keycloak's login page and signs in as {@code username}; returns once the
     * console shows the signed-in shell.
     */
    void signIn(String district, String username, String password) {
        go("/console/");
        click("a[data-district='" + district + "']");
        keycloakLogin(username, password);
        until("signed in to the console of " + district + " as " + username, d -> path().startsWith("/console/" + district + "/")
                && !d.findElements(By.cssSelector("[data-test=user]")).isEmpty()
                && d.findElement(By.cssSelector("[data-test=user]")).getText().contains(username));
    }

    /** Fills in Keycloak's own login form (the browser must be on it). */
    void keycloakLogin(String username, String password) {
        until("Keycloak's login page", ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** The console's sign-out button: ends the Keycloak session and lands on the start page. */
    void signOut() {
        click("[data-test=sign-out]");
        until("back on the start page after signing out", d -> path().replaceAll("[?#].*", "").equals("/console/")
                && !d.findElements(By.cssSelector("a[data-district]")).isEmpty());
    }

    /** Forgets every session: cookies of the platform and of Keycloak, and this origin's storage. */
    void forgetSessions() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
    }

    // ---- pictures ---------------------------------------------------------------------------

    /**
     * Screenshots of the current page at 1366×768 and 360×740, written to
     * {@code target/screenshots/<name>-<width>.png}; the viewport is emulated at each size, the page
     * given two frames to lay itself out, and the desktop size (or the emulated phone) restored afterwards.
     */
    List<Path> screenshots(String name) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int[] size : SIZES) {
                boolean phone = size[0] < 600;
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size[0], "height", size[1],
                        "screenWidth", size[0], "screenHeight", size[1], "deviceScaleFactor", 1, "mobile", phone));
                settle(size[0]);
                long wide = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
                if (wide > size[0]) {
                    overflows.add(name + " at " + size[0] + " px: the page is " + wide + " px wide (scrolls sideways)");
                }
                byte[] png = driver.getScreenshotAs(OutputType.BYTES);
                ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
                assertEquals(name + ": screenshot width", size[0], header.getInt());
                assertEquals(name + ": screenshot height", size[1], header.getInt());
                Path file = SCREENSHOTS.resolve(name + "-" + size[0] + ".png");
                Files.write(file, png);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (phone != null) {
                emulatePhone(phone[0], phone[1]);
            } else {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                frames();
            }
        }
        return files;
    }

    /**
     * Emulates a wall screen of {@code width}×{@code height} CSS pixels (desktop, scale 1) for what
     * follows, e.g. 1920×1080 or a 4K wall's 3840×2160; {@link #screenshots} is for pages, this for walls.
     */
    void emulateScreen(int width, int height) {
        phone = null;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "screenWidth", width, "screenHeight", height, "deviceScaleFactor", 1, "mobile", false));
        settle(width);
    }

    /**
     * A screenshot of the emulated screen as it is ({@link #emulateScreen}) to
     * {@code target/screenshots/<name>.png}, checked to have the screen's size; pages wider or
     * taller than the screen are listed with the overflows.
     */
    Path shoot(String name, int width, int height) {
        try {
            Files.createDirectories(SCREENSHOTS);
            quiet();
            long wide = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
            long tall = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            if (wide > width || tall > height) {
                overflows.add(name + " at " + width + "×" + height + ": the page is " + wide + "×" + tall + " px (scrolls)");
            }
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
            assertEquals(name + ": screenshot width", width, header.getInt());
            assertEquals(name + ": screenshot height", height, header.getInt());
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages wider than the screen they were shot at (found by {@link #screenshots}). */
    List<String> overflows() {
        return List.copyOf(overflows);
    }

    /** Waits until the emulated screen has the width, CSS animations have ended, and two frames passed. */
    private void settle(int width) {
        until("screen " + width + " px wide", d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return screen.width === arguments[0]", width)));
        quiet();
    }

    /** Waits until no CSS animation or transition is running (endless spinners aside) and two frames passed. */
    void quiet() {
        until("no animation running", d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.getAnimations().every(a => a.playState !== 'running'"
                        + " || a.effect?.getComputedTiming().iterations === Infinity)")));
        frames();
    }

    /** Lets the page render two frames (so that what a request or a resize changed is drawn). */
    void frames() {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** How many requests to an address starting with {@code prefix} this page has completed (Resource Timing). */
    long requestsDone(String prefix) {
        return ((Number) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.startsWith(arguments[0]) && e.responseEnd > 0).length", base + prefix)).longValue();
    }

    /** What the browser shows now (screenshot and HTML) under {@code target/screenshots/<name>.*}, for a failed test. */
    void capture(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
            Files.write(SCREENSHOTS.resolve(name + ".console.txt"), consoleLog(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not capture " + name + ": " + e);
        }
    }

    /** The browser console's messages since the last call (errors of the page's scripts among them). */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    // ---- accessibility ------------------------------------------------------------------------

    /** One axe-core rule the page breaks, with how many elements break it. */
    record Violation(String page, String rule, String impact, String help, int nodes, String example) {
        boolean blocking() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return page + ": " + rule + " (" + impact + ", " + nodes + " element" + (nodes == 1 ? "" : "s") + ") "
                    + help + (example.isEmpty() ? "" : " — e.g. " + example);
        }
    }

    /**
     * Runs axe-core (WCAG 2.x A/AA rules and best practices) on the current page, writes its full
     * result to {@code target/axe/<name>.json} and returns the violations; the caller fails on the
     * serious and critical ones.
     */
    List<Violation> axe(String name) {
        String script = Optional.ofNullable(System.getProperty("gongzhi.axe.script"))
                .orElseThrow(() -> new IllegalStateException("gongzhi.axe.script is not set (the itests pom sets it)"));
        try {
            quiet();
            if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
                driver.executeScript(Files.readString(Path.of(script), StandardCharsets.UTF_8));
            }
            Object raw = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " window.axe.run(document, { resultTypes: ['violations', 'incomplete'] })"
                    + "   .then(r => done(JSON.stringify(r)), e => done(JSON.stringify({ error: String(e) })));");
            JsonNode result = JSON.readTree(String.valueOf(raw));
            if (result.has("error")) {
                throw new IllegalStateException("axe-core failed on " + name + ": " + result.get("error").asText());
            }
            Files.createDirectories(AXE_RESULTS);
            JSON.writerWithDefaultPrettyPrinter().writeValue(AXE_RESULTS.resolve(name + ".json").toFile(), result);
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : result.path("violations")) {
                JsonNode first = v.path("nodes").path(0);
                String example = first.path("target").toString() + " " + first.path("failureSummary").asText("").replace('\n', ' ');
                violations.add(new Violation(name, v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        v.path("nodes").size(), example.strip()));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
