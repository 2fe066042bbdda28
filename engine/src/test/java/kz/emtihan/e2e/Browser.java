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
