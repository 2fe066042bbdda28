package kz.emtihan.e2e;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Chromiums that e2e tests closed, by launch arguments, ready for the next test: each was wiped on its way in
 * (every tab but a new blank one closed, so per-tab state and network emulation go with them; cookies, cache and the
 * storage of the origin it visited cleared; downloads back to the default). At most {@value #KEEP} per set of
 * arguments are kept; all are quit when the test JVM exits.
 */
final class BrowserPool {
    static final int KEEP = 3;
    private static final Map<List<String>, Deque<ChromeDriver>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserPool::quitAll, "browser-pool-quit"));
    }

    private BrowserPool() {}

    /** A wiped browser launched with these arguments, if one is idle and still answers. */
    static synchronized Optional<ChromeDriver> take(List<String> arguments) {
        Deque<ChromeDriver> idle = IDLE.get(arguments);
        while (idle != null && !idle.isEmpty()) {
            ChromeDriver driver = idle.pop();
            try {
                driver.getWindowHandle();
                return Optional.of(driver);
            } catch (RuntimeException gone) {
                quietlyQuit(driver);
            }
        }
        return Optional.empty();
    }

    static void giveBack(ChromeDriver driver, String base, List<String> arguments) {
        try {
            wipe(driver, base);
        } catch (RuntimeException cannot) {
            quietlyQuit(driver);
            return;
        }
        synchronized (BrowserPool.class) {
            Deque<ChromeDriver> idle = IDLE.computeIfAbsent(arguments, a -> new ArrayDeque<>());
            if (idle.size() < KEEP) {
                idle.push(driver);
                return;
            }
        }
        quietlyQuit(driver);
    }

    private static void wipe(ChromeDriver driver, String base) {
        Set<String> origins = new HashSet<>(Set.of(origin(base)));
        List<String> old = new ArrayList<>(driver.getWindowHandles());
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : old) {
            driver.switchTo().window(handle);
            String url = driver.getCurrentUrl();
            if (url != null && url.startsWith("http")) origins.add(origin(url));
            driver.close();
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : origins)
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        driver.get("about:blank");
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static synchronized void quitAll() {
        IDLE.values().forEach(idle -> idle.forEach(BrowserPool::quietlyQuit));
        IDLE.clear();
    }

    private static void quietlyQuit(ChromeDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
