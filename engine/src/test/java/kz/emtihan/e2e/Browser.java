package kz.emtihan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver through Selenium. Nothing is downloaded:
 * both binaries must be installed ({@code .ci/run} installs them), and a missing one fails the test.
 *
 * <p>Launching Chromium costs about a second, so a closed browser is wiped and kept for the next {@link #open} with
 * the same arguments ({@link BrowserPool}); to the test it is a new browser: one fresh tab, no cookies, no storage,
 * no cache, the window at the size asked for.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("emtihan.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("emtihan.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final ChromeDriver driver;
    private final String base;
    private final List<String> arguments;

    private Browser(ChromeDriver driver, String base, List<String> arguments) {
        this.driver = driver;
        this.base = base;
        this.arguments = arguments;
    }

    /** A browser whose camera, microphone and screen are Chromium's fake devices, granted without asking. */
    public static Browser withFakeMedia(String base, int width, int height, String... more) {
        String[] media = {
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--auto-select-desktop-capture-source=Entire screen",
            "--autoplay-policy=no-user-gesture-required",
            "--allow-loopback-in-peer-connection",
            "--disable-features=WebRtcHideLocalIpsWithMdns"
        };
        String[] all = java.util.Arrays.copyOf(media, media.length + more.length);
        System.arraycopy(more, 0, all, media.length, more.length);
        return open(base, width, height, all);
    }

    public static Browser open(String base, int width, int height, String... extraArguments) {
        List<String> arguments = List.of(extraArguments);
        ChromeDriver driver = BrowserPool.take(arguments).orElseGet(() -> launch(width, height, arguments));
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, base, arguments);
    }

    private static ChromeDriver launch(int width, int height, List<String> extraArguments) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + width + "," + height,
                "--lang=en-US");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Waits (up to 15 s) until {@code <main data-state>} has this value: the pages say when they are ready. */
    public void waitForState(String state) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            var mains = d.findElements(By.cssSelector("main[data-state]"));
            return !mains.isEmpty() && state.equals(mains.get(0).getAttribute("data-state"));
        });
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitUntil(String what, java.util.function.Supplier<Boolean> condition, Duration limit) {
        try {
            new WebDriverWait(driver, limit).until(d -> condition.get());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Cuts the page off the network (Chromium's own emulation) or restores it. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * Issue 15 (8): runs axe-core on the page as it is now and returns its violations (id, impact, help, targets).
     * axe.min.js is read from proctor-ui/node_modules/axe-core (a devDependency, `npm ci`) and injected here; the
     * engine never serves it. See {@link Accessibility} for the assertion.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axe() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(Accessibility.axeSource());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
                + " id: v.id, impact: v.impact, help: v.help,"
                + " targets: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')"
                + ".replace(/\\s+/g, ' ').slice(0, 200)) }))),"
                + " e => done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]));");
        return (List<Map<String, Object>>) result;
    }

    /**
     * Issue 15 (8): presses one key as a keyboard does (CDP Input.dispatchKeyEvent, down then up): "Tab", "Shift+Tab",
     * "Space", "Enter", "Escape", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight".
     */
    public void key(String name) {
        boolean shift = name.startsWith("Shift+");
        String key = shift ? name.substring(6) : name;
        int code = switch (key) {
            case "Tab" -> 9;
            case "Enter" -> 13;
            case "Escape" -> 27;
            case "Space" -> 32;
            case "ArrowLeft" -> 37;
            case "ArrowUp" -> 38;
            case "ArrowRight" -> 39;
            case "ArrowDown" -> 40;
            default -> throw new IllegalArgumentException(name);
        };
        String text = key.equals("Enter") ? "\r" : key.equals("Space") ? " " : "";
        String domKey = key.equals("Space") ? " " : key;
        for (String type : List.of("keyDown", "keyUp")) {
            var event = new java.util.HashMap<String, Object>(Map.of(
                    "type",
                            type.equals("keyDown") && !text.isEmpty()
                                    ? "keyDown"
                                    : type.equals("keyDown") ? "rawKeyDown" : "keyUp",
                    "key", domKey,
                    "code", key,
                    "windowsVirtualKeyCode", code,
                    "nativeVirtualKeyCode", code,
                    "modifiers", shift ? 8 : 0));
            if (type.equals("keyDown") && !text.isEmpty()) {
                event.put("text", text);
                event.put("unmodifiedText", text);
            }
            driver.executeCdpCommand("Input.dispatchKeyEvent", event);
        }
    }

    /** Presses Tab (or Shift+Tab) until the focused element matches the CSS selector; fails after 60 presses. */
    public void tabTo(String selector, boolean backwards) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(
                    js("return !!document.activeElement && document.activeElement.matches(arguments[0])", selector))) {
                return;
            }
            key(backwards ? "Shift+Tab" : "Tab");
        }
        throw new AssertionError("the keyboard does not reach " + selector + "; the focus is on "
                + js("const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'nothing'"));
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back to the pool, wiped; a browser that cannot be wiped is quit instead. */
    @Override
    public void close() {
        BrowserPool.giveBack(driver, base, arguments);
    }
}
