package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.core.tenant.Role;
import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The console-page whiteboard: which pages a caller sees, which it refuses, and where modules lie. */
public class ConsolePagesTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ConsolePages pages = new ConsolePages();
    /** The files of one plugin "bundle", found like {@code Bundle.getEntry}. */
    private ConsolePages.Resources grid;
    private ConsolePages.Resources studios;

    /** A page as a plugin would register it. */
    private record TestPage(String model, String id, String labelZh, String labelEn, String module, Set<String> roles,
                            int order) implements ConsolePage {
    }

    /** A screen panel as a plugin would register it. */
    record TestPanel(String model, String id, String labelZh, String labelEn, String module, int order)
            implements ScreenPanel {
        @Override
        public ScreenFigures figures(String tenantId, java.time.YearMonth month) {
            return ScreenFigures.builder().count("whistles", 3).build();
        }
    }

    private static TestPanel panel(String model, String id, String module, int order) {
        return new TestPanel(model, id, "面板" + id, "Panel " + id, module, order);
    }

    private static TestPage page(String model, String id, String module, String... roles) {
        return new TestPage(model, id, "页面" + id, "Page " + id, module, Set.of(roles), 100);
    }

    @Before
    public void bundles() throws IOException {
        grid = bundle("grid", "console/whistles.js", "console/roster.js", "console/ui.js", "screen/colours.js",
                "screen/bars.js");
        studios = bundle("studios", "web/studios.js");
    }

    private ConsolePages.Resources bundle(String name, String... files) throws IOException {
        Path root = folder.newFolder(name).toPath();
        for (String file : files) {
            Path p = root.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "export function mount(el, ctx) {} // " + file, StandardCharsets.UTF_8);
        }
        return path -> {
            Path p = root.resolve(path);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new AssertionError(e);
            }
        };
    }

    private static String text(URL url) throws IOException {
        try (var in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> keys(List<ConsolePages.Page> list) {
        return list.stream().map(p -> p.model() + "/" + p.id()).toList();
    }

    @Test
    public void aDistrictSeesThePagesOfTheModelsItEnabledForItsRoles() {
        assertThat(pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid)).isTrue();
        assertThat(pages.add(page("three-colour-grid", "roster", "console/roster.js", "district-admin"),
                "three-colour-grid", grid)).isTrue();
        assertThat(pages.add(page("old-man-studios", "studios", "web/studios.js", "mediator", "dispatcher"),
                "old-man-studios", studios)).isTrue();

        assertThat(keys(pages.visible(Set.of("three-colour-grid"), EnumSet.of(Role.DISTRICT_ADMIN))))
                .containsExactly("three-colour-grid/roster", "three-colour-grid/whistles");
        assertThat(keys(pages.visible(Set.of("three-colour-grid"), EnumSet.of(Role.DISPATCHER))))
                .as("roster is for administrators only").containsExactly("three-colour-grid/whistles");
        assertThat(keys(pages.visible(Set.of("old-man-studios"), EnumSet.of(Role.MEDIATOR))))
                .containsExactly("old-man-studios/studios");
        assertThat(pages.visible(Set.of("old-man-studios"), EnumSet.of(Role.GRID_WORKER))).isEmpty();
        assertThat(pages.visible(Set.of(), EnumSet.allOf(Role.class))).as("no model enabled").isEmpty();
        assertThat(pages.visible(Set.of("three-colour-grid", "old-man-studios"), EnumSet.of(Role.CITY_ADMIN)))
                .as("the city reads no plugin endpoint, so it sees no plugin page").isEmpty();
        assertThat(pages.visible(Set.of("three-colour-grid"), EnumSet.of(Role.RESIDENT))).isEmpty();
    }

    @Test
    public void aPageWithoutRolesIsForEveryStaffRole() {
        pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid);
        ConsolePages.Page whistles = pages.visible(Set.of("three-colour-grid"), EnumSet.of(Role.DEPARTMENT_HANDLER)).get(0);
        assertThat(whistles.roles()).containsExactlyInAnyOrder(Role.DISTRICT_ADMIN, Role.DISPATCHER, Role.GRID_WORKER,
                Role.DEPARTMENT_HANDLER, Role.MEDIATOR, Role.SOCIAL_WORKER);
        assertThat(whistles.moduleUrl()).isEqualTo("/console/plugins/three-colour-grid/whistles.js");
    }

    @Test
    public void menuOrderIsOrderThenModelThenId() {
        pages.add(new TestPage("three-colour-grid", "whistles", "吹哨", "Whistles", "console/whistles.js", Set.of(), 20),
                "three-colour-grid", grid);
        pages.add(new TestPage("three-colour-grid", "roster", "花名册", "Roster", "console/roster.js", Set.of(), 10),
                "three-colour-grid", grid);
        pages.add(new TestPage("old-man-studios", "studios", "工作室", "Studios", "web/studios.js", Set.of(), 20),
                "old-man-studios", studios);
        pages.add(new TestPage("three-colour-grid", "ui", "工具", "Tools", "console/ui.js", Set.of(), 20),
                "three-colour-grid", grid);
        assertThat(keys(pages.visible(Set.of("three-colour-grid", "old-man-studios"), EnumSet.of(Role.DISPATCHER))))
                .containsExactly("three-colour-grid/roster", "old-man-studios/studios", "three-colour-grid/ui",
                        "three-colour-grid/whistles");
    }

    @Test
    public void pagesThatBreakTheContractAreIgnored() {
        String m = "three-colour-grid";
        assertThat(pages.add(page(m, "whistles", "console/whistles.js"), null, grid)).as("no gongzhi.model").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/whistles.js"), "old-man-studios", grid))
                .as("property differs from model()").isFalse();
        assertThat(pages.add(page("Three", "whistles", "console/whistles.js"), "Three", grid)).as("bad model").isFalse();
        assertThat(pages.add(page(m, "Whistles", "console/whistles.js"), m, grid)).as("upper case id").isFalse();
        assertThat(pages.add(page(m, "a/b", "console/whistles.js"), m, grid)).as("slash in id").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/missing.js"), m, grid)).as("no such file").isFalse();
        assertThat(pages.add(page(m, "whistles", "../secret.js"), m, grid)).as("dot-dot").isFalse();
        assertThat(pages.add(page(m, "whistles", "/console/whistles.js"), m, grid)).as("absolute").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/whistles.css"), m, grid)).as("not .js").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/whistles.js", "resident"), m, grid)).as("resident").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/whistles.js", "city-admin"), m, grid)).as("city").isFalse();
        assertThat(pages.add(page(m, "whistles", "console/whistles.js", "boss"), m, grid)).as("unknown role").isFalse();
        assertThat(pages.add(new TestPage(m, "whistles", " ", "Whistles", "console/whistles.js", Set.of(), 1), m, grid))
                .as("blank label").isFalse();
        assertThat(pages.add(new TestPage(m, "whistles", "吹哨", "W".repeat(41), "console/whistles.js", Set.of(), 1), m,
                grid)).as("long English label").isFalse();
        assertThat(pages.add(new Throwing(), m, grid)).as("a page that throws").isFalse();
        assertThat(pages.add(page("kit", "whistles", "console/whistles.js"), "kit", grid)).as("the kit's name").isFalse();
        assertThat(pages.visible(Set.of(m), EnumSet.allOf(Role.class))).isEmpty();
    }

    @Test
    public void theFirstPageOfAKeyIsKeptAndLeavingFreesIt() throws IOException {
        TestPage first = page("three-colour-grid", "whistles", "console/whistles.js");
        TestPage second = page("three-colour-grid", "whistles", "console/roster.js");
        assertThat(pages.add(first, "three-colour-grid", grid)).isTrue();
        assertThat(pages.add(second, "three-colour-grid", grid)).isFalse();
        assertThat(text(pages.module("three-colour-grid", "whistles.js").orElseThrow())).endsWith("console/whistles.js");

        pages.remove(second);
        assertThat(pages.module("three-colour-grid", "whistles.js")).as("removing the ignored one changes nothing").isPresent();
        pages.remove(first);
        assertThat(pages.module("three-colour-grid", "whistles.js")).isEmpty();
        assertThat(pages.visible(Set.of("three-colour-grid"), EnumSet.allOf(Role.class))).isEmpty();
        assertThat(pages.add(second, "three-colour-grid", grid)).as("a reinstalled plugin registers again").isTrue();
        assertThat(text(pages.module("three-colour-grid", "whistles.js").orElseThrow())).endsWith("console/roster.js");
    }

    @Test
    public void modulesAreFoundByPageIdAndSiblingsInTheirDirectory() throws IOException {
        pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid);
        pages.add(page("old-man-studios", "studios", "web/studios.js"), "old-man-studios", studios);

        assertThat(text(pages.module("old-man-studios", "studios.js").orElseThrow())).endsWith("web/studios.js");
        assertThat(text(pages.module("three-colour-grid", "ui.js").orElseThrow())).as("sibling").endsWith("console/ui.js");
        assertThat(text(pages.module("three-colour-grid", "roster.js").orElseThrow()))
                .as("a sibling file, though no page of that id").endsWith("console/roster.js");
        assertThat(pages.module("old-man-studios", "ui.js")).as("another plugin's sibling").isEmpty();
        assertThat(pages.module("three-colour-grid", "studios.js")).as("another model's page").isEmpty();
        assertThat(pages.module("three-colour-grid", "nothing.js")).isEmpty();
        assertThat(pages.module("three-colour-grid", "whistles")).isEmpty();
        assertThat(pages.module("three-colour-grid", "..%2Fui.js")).isEmpty();
        assertThat(pages.module("three-colour-grid", "UI.js")).isEmpty();
        assertThat(pages.module("Three", "whistles.js")).isEmpty();
    }

    @Test
    public void theServletReadsModelAndFileFromThePath() {
        pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid);
        ConsoleModuleServlet servlet = new ConsoleModuleServlet(pages);
        assertThat(servlet.find("/three-colour-grid/whistles.js")).isPresent();
        assertThat(servlet.find("/three-colour-grid/ui.js")).isPresent();
        assertThat(servlet.find(null)).isEmpty();
        assertThat(servlet.find("/")).isEmpty();
        assertThat(servlet.find("/three-colour-grid")).isEmpty();
        assertThat(servlet.find("/three-colour-grid/")).isEmpty();
        assertThat(servlet.find("/three-colour-grid/console/whistles.js")).isEmpty();
        assertThat(servlet.find("/three-colour-grid/../whistles.js")).isEmpty();
        assertThat(servlet.find("//three-colour-grid/whistles.js")).isEmpty();
    }

    @Test
    public void theServletFindsTheKitByVersionAndFile() throws IOException {
        ConsoleModuleServlet servlet = new ConsoleModuleServlet(pages);
        ConsoleKit.File ui = servlet.findKit("/kit/1/ui.js").orElseThrow();
        assertThat(new String(ui.bytes(), StandardCharsets.UTF_8)).contains("export function page(");
        assertThat(ui.etag()).matches("\"[0-9a-f]{24}\"");
        assertThat(servlet.findKit("/kit/2/ui.js")).as("no such version").isEmpty();
        assertThat(servlet.findKit("/kit/1/nothing.js")).isEmpty();
        assertThat(servlet.findKit("/kit/1/")).isEmpty();
        assertThat(servlet.findKit("/kit/ui.js")).isEmpty();
        assertThat(servlet.findKit("/kit/1/../1/ui.js")).isEmpty();
        assertThat(servlet.findKit("/kit/1/ui.js/")).isEmpty();
        assertThat(servlet.findKit("//kit/1/ui.js")).isEmpty();
        assertThat(servlet.findKit("/three-colour-grid/1/ui.js")).isEmpty();
        assertThat(servlet.findKit(null)).isEmpty();
        assertThat(servlet.find("/kit/ui.js")).as("not a model's module either").isEmpty();
    }

    @Test
    public void aBrowserThatHoldsTheKitIsToldItIsUnchanged() {
        String etag = "\"0123abcd\"";
        assertThat(ConsoleModuleServlet.matches(etag, etag)).isTrue();
        assertThat(ConsoleModuleServlet.matches("W/" + etag, etag)).isTrue();
        assertThat(ConsoleModuleServlet.matches("\"other\", " + etag, etag)).isTrue();
        assertThat(ConsoleModuleServlet.matches("*", etag)).isTrue();
        assertThat(ConsoleModuleServlet.matches("\"other\"", etag)).isFalse();
        assertThat(ConsoleModuleServlet.matches("0123abcd", etag)).as("unquoted").isFalse();
        assertThat(ConsoleModuleServlet.matches(null, etag)).isFalse();
    }

    @Test
    public void theJsonCarriesLabelsByLocale() {
        pages.add(new TestPage("three-colour-grid", "whistles", "网格吹哨", "Whistles", "console/whistles.js",
                Set.of("grid-worker", "dispatcher"), 5), "three-colour-grid", grid);
        ConsolePageResource.PageJson json = ConsolePageResource.PageJson.of(
                pages.visible(Set.of("three-colour-grid"), EnumSet.of(Role.GRID_WORKER)).get(0));
        assertThat(json.labels()).containsExactly(java.util.Map.entry("zh-CN", "网格吹哨"), java.util.Map.entry("en", "Whistles"));
        assertThat(json.roles()).containsExactly("dispatcher", "grid-worker");
        assertThat(json.order()).isEqualTo(5);
        assertThat(json.moduleUrl()).isEqualTo("/console/plugins/three-colour-grid/whistles.js");
    }

    @Test
    public void aDistrictsScreenShowsThePanelsOfTheModelsItEnabled() {
        assertThat(pages.add(panel("three-colour-grid", "colours", "screen/colours.js", 20), "three-colour-grid", grid))
                .isTrue();
        assertThat(pages.add(panel("old-man-studios", "mediation", "web/studios.js", 10), "old-man-studios", studios))
                .isTrue();
        pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid);

        assertThat(pages.panels(Set.of("three-colour-grid", "old-man-studios")))
                .extracting(p -> p.model() + "/" + p.id() + " " + p.moduleUrl())
                .containsExactly("old-man-studios/mediation /console/plugins/old-man-studios/mediation.js",
                        "three-colour-grid/colours /console/plugins/three-colour-grid/colours.js");
        assertThat(pages.panels(Set.of("three-colour-grid"))).extracting(ConsolePages.Panel::id).containsExactly("colours");
        assertThat(pages.panels(Set.of())).isEmpty();
        assertThat(keys(pages.visible(Set.of("three-colour-grid"), EnumSet.allOf(Role.class))))
                .as("a panel is no console page").containsExactly("three-colour-grid/whistles");
        assertThat(pages.panel("three-colour-grid", "colours")).isPresent();
        assertThat(pages.panel("three-colour-grid", "whistles")).as("a page is no panel").isEmpty();
        assertThat(pages.panel("old-man-studios", "colours")).isEmpty();
    }

    @Test
    public void panelModulesAreServedLikePagesAndShareTheirNames() throws IOException {
        TestPanel colours = panel("three-colour-grid", "colours", "screen/colours.js", 1);
        assertThat(pages.add(colours, "three-colour-grid", grid)).isTrue();
        assertThat(text(pages.module("three-colour-grid", "colours.js").orElseThrow())).endsWith("screen/colours.js");
        assertThat(text(pages.module("three-colour-grid", "bars.js").orElseThrow())).as("a sibling").endsWith("screen/bars.js");
        assertThat(new ConsoleModuleServlet(pages).find("/three-colour-grid/colours.js")).isPresent();

        assertThat(pages.add(page("three-colour-grid", "colours", "console/whistles.js"), "three-colour-grid", grid))
                .as("a page with a panel's id").isFalse();
        TestPanel whistles = panel("three-colour-grid", "whistles", "screen/bars.js", 1);
        assertThat(pages.add(whistles, "three-colour-grid", grid)).isTrue();
        assertThat(pages.add(page("three-colour-grid", "whistles", "console/whistles.js"), "three-colour-grid", grid))
                .as("and the other way round").isFalse();

        pages.remove(colours);
        assertThat(pages.panel("three-colour-grid", "colours")).isEmpty();
        assertThat(pages.panels(Set.of("three-colour-grid"))).extracting(ConsolePages.Panel::id).containsExactly("whistles");
        assertThat(text(pages.module("three-colour-grid", "colours.js").orElseThrow()))
                .as("still a sibling of the other panel's module").endsWith("screen/colours.js");
        pages.remove(whistles);
        assertThat(pages.module("three-colour-grid", "colours.js")).isEmpty();
        assertThat(pages.module("three-colour-grid", "bars.js")).isEmpty();
    }

    @Test
    public void panelsThatBreakTheContractAreIgnored() {
        String m = "three-colour-grid";
        assertThat(pages.add(panel(m, "colours", "screen/colours.js", 1), null, grid)).as("no gongzhi.model").isFalse();
        assertThat(pages.add(panel(m, "colours", "screen/colours.js", 1), "old-man-studios", grid)).isFalse();
        assertThat(pages.add(panel("kit", "colours", "screen/colours.js", 1), "kit", grid)).as("the kit").isFalse();
        assertThat(pages.add(panel(m, "Colours", "screen/colours.js", 1), m, grid)).isFalse();
        assertThat(pages.add(panel(m, "colours", "screen/missing.js", 1), m, grid)).isFalse();
        assertThat(pages.add(panel(m, "colours", "../colours.js", 1), m, grid)).isFalse();
        assertThat(pages.add(new TestPanel(m, "colours", "", "Colours", "screen/colours.js", 1), m, grid)).isFalse();
        assertThat(pages.add(new TestPanel(m, "colours", "三色", "C".repeat(41), "screen/colours.js", 1), m, grid)).isFalse();
        assertThat(pages.add(new TestPanel(m, null, "三色", "Colours", "screen/colours.js", 1), m, grid)).isFalse();
        assertThat(pages.panels(Set.of(m))).isEmpty();
    }

    /** A page whose methods fail. */
    private static final class Throwing implements ConsolePage {
        @Override
        public String model() {
            return "three-colour-grid";
        }

        @Override
        public String id() {
            throw new IllegalStateException("not ready");
        }

        @Override
        public String labelZh() {
            return "吹哨";
        }

        @Override
        public String labelEn() {
            return "Whistles";
        }

        @Override
        public String module() {
            return "console/whistles.js";
        }
    }
}
