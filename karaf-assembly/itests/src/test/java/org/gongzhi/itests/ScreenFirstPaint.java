package org.gongzhi.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The big screen's first paint: from the moment the wall's address is opened to its figures and
 * charts drawn (the page's User Timing mark {@code gz-screen-drawn}, set one frame after the first
 * figures rendered; {@code src/screen/firstPaint.ts}). Issue 15's target: under 2 s (the benchmark
 * holds it with 100,000 cases in the district).
 *
 * <p>Each load is a fresh navigation in a browser that is signed in to Keycloak (the wall's case
 * after a restart of its browser within the session, or a reload): the page redirects to Keycloak
 * and comes back with a code (the kiosk sign-in), then reads the figures, the grid map and the
 * mode. Two figures per load, both on the machine's clock:
 * <ul>
 *   <li>{@code addressToDrawnMs}: from {@code driver.get} (the address entered) to the mark, the
 *   sign-in round trip included — what a person in front of the wall waits;</li>
 *   <li>{@code documentToDrawnMs}: from the navigation start of the page that draws (after the
 *   redirect) to the mark — the page's own work.</li>
 * </ul>
 * The median of the loads counts. Used by {@link ScreenBrowserTest}; a benchmark reuses
 * {@link #measure} on its own platform and data.
 */
final class ScreenFirstPaint {

    static final Path RESULT = Path.of("target", "screen-first-paint.json");
    static final double TARGET_MS = 2000;
    static final String MARK = "gz-screen-drawn";

    private ScreenFirstPaint() {
    }

    /**
     * Loads {@code path} {@code loads} times in {@code browser} (signed in already), writes the
     * figures to {@code result} and fails when the median address → drawn time misses the target.
     */
    static Map<String, Object> measure(Browser browser, String path, int loads, Path result) throws IOException {
        List<Map<String, Object>> each = new ArrayList<>();
        for (int i = 0; i < loads; i++) {
            // leave the wall first (its stream closed), so that every load is a navigation of its own
            browser.driver().get("about:blank");
            long start = System.currentTimeMillis();
            browser.go(path);
            browser.until("the wall's figures drawn", d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return performance.getEntriesByName(arguments[0]).length > 0", MARK)));
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) browser.driver().executeScript(
                    "const m = performance.getEntriesByName(arguments[0])[0]; const n = performance.getEntriesByType('navigation')[0];"
                    + " const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/api/v1/'));"
                    + " return { drawnAt: performance.timeOrigin + m.startTime, documentToDrawnMs: m.startTime,"
                    + "   domContentLoadedMs: n.domContentLoadedEventEnd, apiCalls: api.map(r => ({ url: r.name.replace(location.origin, ''),"
                    + "   ms: Math.round(r.duration) })) };", MARK);
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("addressToDrawnMs", round(((Number) timing.get("drawnAt")).doubleValue() - start));
            load.put("documentToDrawnMs", round(((Number) timing.get("documentToDrawnMs")).doubleValue()));
            load.put("domContentLoadedMs", round(((Number) timing.get("domContentLoadedMs")).doubleValue()));
            load.put("apiCalls", timing.get("apiCalls"));
            each.add(load);
        }
        double address = median(each.stream().map(l -> (Double) l.get("addressToDrawnMs")).sorted().toList());
        double document = median(each.stream().map(l -> (Double) l.get("documentToDrawnMs")).sorted().toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path);
        out.put("loads", loads);
        out.put("addressToDrawnMsMedian", address);
        out.put("documentToDrawnMsMedian", document);
        out.put("targetMs", TARGET_MS);
        out.put("eachLoad", each);
        Files.createDirectories(result.toAbsolutePath().getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), out);
        System.out.printf("MEASURE screen first paint %s (%d loads, signed in): address → figures drawn median %.0f ms,"
                + " page → drawn %.0f ms -> %s%n", path, loads, address, document, result);
        assertTrue("screen first paint: median " + address + " ms, target < " + TARGET_MS + " ms", address < TARGET_MS);
        return out;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
