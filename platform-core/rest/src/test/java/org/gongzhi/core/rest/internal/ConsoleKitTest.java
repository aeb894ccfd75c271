package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The page kit plugins build their console pages with: version 1 keeps every export the plugin
 * guide documents (installed plugins import them), and it stays self-contained and free of HTML strings.
 */
public class ConsoleKitTest {

    /**
     * The exports of kit 1 as documented in the plugin guide, section 14.4, and listed in the TCK
     * ({@code ConsolePageChecks.KIT_EXPORTS}); they may grow, never shrink.
     */
    private static final List<String> VERSION_1 = List.of("t", "canWrite", "h", "table", "field", "button", "form",
            "say", "ApiError", "call", "latest", "page", "places", "when");
    private static final Pattern EXPORT = Pattern.compile("(?m)^export\\s+(?:async\\s+)?(?:function|class|const)\\s+(\\w+)");

    private static String ui() {
        return new String(new ConsoleKit().file("1", "ui.js").orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    public void version1KeepsItsExports() {
        List<String> exports = new ArrayList<>();
        Matcher m = EXPORT.matcher(ui());
        while (m.find()) {
            exports.add(m.group(1));
        }
        assertThat(exports).containsAll(VERSION_1);
    }

    @Test
    public void theKitImportsNothingAndWritesNoHtml() {
        String ui = ui();
        assertThat(ui).doesNotContainPattern("(?m)^\\s*import\\b|\\bimport\\s*\\(");
        assertThat(ui).doesNotContainPattern("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function");
    }
}
