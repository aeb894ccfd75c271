package org.gongzhi.core.reporting;

import java.util.List;
import java.util.Objects;

/**
 * One QR poster (码上办二维码海报): an A4 page that residents scan to report a problem in a grid.
 * The QR code encodes {@link #url()}; everything else is printed text. The record copies its
 * lists, so a poster is immutable once built.
 *
 * <p>Example: title {@code 扫码上报 · 码上办}, district {@code 吉州区}, grid {@code 阳明小区网格},
 * path {@code [古南街道, 阳明社区, 阳明小区网格]}, url
 * {@code https://gongzhi.example.cn/report/jizhou/?grid=360802001001001}.
 *
 * @param title        the headline, e.g. {@code 扫码上报 · 码上办}; not blank
 * @param district     the district's name, e.g. {@code 吉州区}; not blank
 * @param gridName     the grid's name, printed large; not blank
 * @param path         names from the street down to the grid, printed joined by {@code ›}; null means none
 * @param url          what the QR code encodes, printed small under it; an absolute {@code http(s)}
 *                     URL of at most {@value #MAX_URL_LENGTH} characters
 * @param instructions short steps in Chinese, printed numbered; null means none
 * @param footer       a line at the foot of the page (e.g. the grid's code), or null
 * @since 1.1
 */
public record Poster(String title, String district, String gridName, List<String> path, String url,
                     List<String> instructions, String footer) {

    /** The longest URL a poster takes (the QR code stays large enough to scan from a metre away). */
    public static final int MAX_URL_LENGTH = 500;

    public Poster {
        title = required("title", title);
        district = required("district", district);
        gridName = required("gridName", gridName);
        url = required("url", url);
        if (url.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        }
        path = path == null ? List.of() : List.copyOf(path);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }

    private static String required(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
