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

    /**
     * The exports of the screen panel kit 1 ({@code screen.js}) as documented in the plugin guide,
     * section 15, and listed in the TCK; they may grow, never shrink.
     */
    private static final List<String> SCREEN_VERSION_1 = List.of("colours", "panel", "figures", "format", "figure",
            "figureRow", "breakdown", "asOf");

    private static String ui() {
        return file("ui.js");
    }

    private static String file(String name) {
        return new String(new ConsoleKit().file("1", name).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    private static List<String> exports(String js) {
        List<String> exports = new ArrayList<>();
        Matcher m = EXPORT.matcher(js);
        while (m.find()) {
            exports.add(m.group(1));
        }
        return exports;
    }

    @Test
    public void version1KeepsItsExports() {
        assertThat(exports(ui())).containsAll(VERSION_1);
        assertThat(exports(file("screen.js"))).containsAll(SCREEN_VERSION_1);
    }

    @Test
    public void theScreenKitImportsOnlyNamesThePageKitExports() {
        String screen = file("screen.js");
        Matcher imports = Pattern.compile("(?m)^import\\s*\\{([^}]*)}\\s*from\\s*'([^']*)';").matcher(screen);
        assertThat(imports.find()).isTrue();
        assertThat(imports.group(2)).isEqualTo("./ui.js");
        for (String name : imports.group(1).split(",")) {
            assertThat(exports(ui())).contains(name.strip());
        }
        assertThat(imports.find()).as("one import only").isFalse();
        assertThat(screen).doesNotContainPattern("\\bimport\\s*\\(");
        assertThat(screen).doesNotContainPattern("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function");
    }

    @Test
    public void theKitImportsNothingAndWritesNoHtml() {
        String ui = ui();
        assertThat(ui).doesNotContainPattern("(?m)^\\s*import\\b|\\bimport\\s*\\(");
        assertThat(ui).doesNotContainPattern("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function");
    }
}
