package org.gongzhi.plugin.tck;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.ScreenPanel;

/**
 * The checks of a plugin's {@link ConsolePage}s and {@link ScreenPanel}s: their settings, and their
 * modules as they lie in the plugin's build output (the directory or jar the page or panel class was
 * loaded from, which is what the bundle holds). Pages and panels keep the same module rules.
 */
final class ConsolePageChecks {

    /** The roles a page may name: the staff who read plugin endpoints. */
    static final Set<String> STAFF_ROLES = Set.of("district-admin", "dispatcher", "grid-worker", "department-handler",
            "mediator", "social-worker");

    /**
     * The platform's page kit (served by the core, not by the plugin), which a module imports by this
     * absolute path; see the plugin guide, section 14.
     */
    static final String KIT = "/console/plugins/kit/1/ui.js";
    /** What kit 1 exports (plugin guide, section 14.4); within version 1 the list only grows. */
    static final Set<String> KIT_EXPORTS = Set.of("t", "canWrite", "h", "table", "field", "button", "form", "say",
            "ApiError", "call", "latest", "page", "places", "when");
    /** The platform's screen panel kit (plugin guide, section 15), which panels import beside the page kit. */
    static final String SCREEN_KIT = "/console/plugins/kit/1/screen.js";
    /** What screen kit 1 exports; within version 1 the list only grows. */
    static final Set<String> SCREEN_KIT_EXPORTS = Set.of("colours", "panel", "figures", "format", "figure", "figureRow",
            "breakdown", "asOf");
    /** The kit files a module may import, with their exports. */
    static final Map<String, Set<String>> KITS = Map.of(KIT, KIT_EXPORTS, SCREEN_KIT, SCREEN_KIT_EXPORTS);
    /** The path segment of the kit, which no model with console pages may use as its id. */
    static final String KIT_NAME = "kit";

    private static final Pattern ID = Pattern.compile(ConsolePage.ID_PATTERN);
    private static final Pattern MODULE = Pattern.compile(ConsolePage.MODULE_PATTERN);
    private static final Pattern MOUNT = Pattern.compile(
            "export\\s+(async\\s+)?function\\s+mount\\s*\\(|export\\s*\\{[^}]*\\bmount\\b[^}]*}");
    /** {@code import … from '…'}, {@code import '…'}, {@code export … from '…'} and {@code import('…')}. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\bimport\\s*\\(\\s*|\\bimport\\s+(?:[^'\";]*?\\s+from\\s+)?|\\bexport\\s+[^'\";]*?\\s+from\\s+)['\"`]([^'\"`]*)['\"`]");
    /** {@code import { a, b as c } from '<a kit file>'}: the names a module takes from a kit file. */
    private static final Pattern KIT_NAMES = Pattern.compile(
            "\\bimport\\s*\\{([^}]*)}\\s*from\\s*['\"`](/console/plugins/kit/[^'\"`]*)['\"`]");
    private static final Pattern SIBLING = Pattern.compile("\\./([a-z0-9][a-z0-9_-]*\\.js)");
    /** Ways to write text into a page as HTML, or to run text as code. */
    private static final Pattern UNSAFE = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\s*\\+?=|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|createContextualFragment");

    private ConsolePageChecks() {
    }

    /** Settings that break the contract, one line each. */
    static List<String> settingProblems(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConsolePage page : plugin.consolePages()) {
            String name = page.getClass().getName() + " ";
            if (!plugin.model().id().equals(page.model())) {
                problems.add(name + "model() '" + page.model() + "' is not the descriptor's id '" + plugin.model().id() + "'");
            }
            if (KIT_NAME.equals(page.model())) {
                problems.add(name + "model() '" + KIT_NAME + "' is reserved for the platform's page kit (" + KIT
                        + "): a model with console pages needs another id");
            }
            if (page.id() == null || !ID.matcher(page.id()).matches()) {
                problems.add(name + "id() '" + page.id() + "' does not match " + ConsolePage.ID_PATTERN);
            } else if (!ids.add(page.id())) {
                problems.add(name + "id() '" + page.id() + "' is used by another page of the model");
            }
            if (page.labelZh() == null || page.labelZh().isBlank() || page.labelZh().strip().length() > 20
                    || !DistrictPluginContract.CJK.matcher(page.labelZh()).find()) {
                problems.add(name + "labelZh() must be Chinese, at most 20 characters: '" + page.labelZh() + "'");
            }
            if (page.labelEn() == null || page.labelEn().isBlank() || page.labelEn().strip().length() > 40) {
                problems.add(name + "labelEn() must be non-blank, at most 40 characters: '" + page.labelEn() + "'");
            }
            if (page.module() == null || !MODULE.matcher(page.module()).matches()) {
                problems.add(name + "module() '" + page.module() + "' does not match " + ConsolePage.MODULE_PATTERN);
            }
            if (page.roles() == null || !STAFF_ROLES.containsAll(page.roles())) {
                problems.add(name + "roles() " + page.roles() + " must be among " + STAFF_ROLES.stream().sorted().toList());
            }
        }
        return problems;
    }

    /** A module to check: who declares it (a page or a panel), its key and its path in the bundle. */
    private record Declared(Class<?> type, String model, String id, String module) {
    }

    /**
     * Modules of the console pages that are missing from the build output or break the module rules:
     * not UTF-8, no exported {@code mount}, no {@code data-page="<model>/<id>"} key, an import of
     * anything but a sibling module that exists or the platform's kit, HTML written from strings, or
     * code run from strings. The sibling modules a page imports, and those they import, keep the same
     * import and HTML rules.
     */
    static List<String> moduleProblems(PluginUnderTest plugin) {
        return moduleProblems(plugin.consolePages().stream()
                .map(p -> new Declared(p.getClass(), p.model(), p.id(), p.module())).toList(), "data-page");
    }

    /** The same rules for the modules of the screen panels, whose root carries {@code data-panel}. */
    static List<String> panelModuleProblems(PluginUnderTest plugin) {
        return moduleProblems(plugin.screenPanels().stream()
                .map(p -> new Declared(p.getClass(), p.model(), p.id(), p.module())).toList(), "data-panel");
    }

    private static List<String> moduleProblems(List<Declared> declared, String keyAttribute) {
        List<String> problems = new ArrayList<>();
        Set<String> siblingsChecked = new HashSet<>(); // declared modules are checked as such, not again as siblings
        declared.forEach(d -> siblingsChecked.add(d.module()));
        for (Declared d : declared) {
            String module = d.module();
            if (module == null || !MODULE.matcher(module).matches()) {
                continue; // reported by the settings checks
            }
            String name = d.type().getName() + " module " + module + ": ";
            Optional<String> text;
            try {
                text = read(d.type(), module);
            } catch (IOException e) {
                problems.add(name + e);
                continue;
            }
            if (text.isEmpty()) {
                problems.add(name + "not found in " + where(d.type())
                        + " (put it under src/main/resources/" + module + ")");
                continue;
            }
            String js = text.get();
            if (!MOUNT.matcher(js).find()) {
                problems.add(name + "exports no function mount(el, ctx)");
            }
            String key = d.model() + "/" + d.id();
            if (!js.contains(key)) {
                problems.add(name + "never names its " + keyAttribute + " key '" + key + "' (set " + keyAttribute
                        + "=\"" + key + "\" on the root element)");
            }
            unsafe(js, name).ifPresent(problems::add);
            String directory = module.contains("/") ? module.substring(0, module.lastIndexOf('/') + 1) : "";
            importProblems(d.type(), directory, js, name, siblingsChecked, problems);
        }
        return problems;
    }

    /**
     * Panel settings that break the contract, one line each: as for pages (model, id, labels,
     * module), and a panel id is unique among the model's panels and console pages, whose modules
     * share {@code /console/plugins/<model>/<id>.js}.
     */
    static List<String> panelSettingProblems(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
        Set<String> pageIds = new HashSet<>();
        plugin.consolePages().forEach(p -> pageIds.add(p.id()));
        Set<String> ids = new HashSet<>();
        for (ScreenPanel panel : plugin.screenPanels()) {
            String name = panel.getClass().getName() + " ";
            if (!plugin.model().id().equals(panel.model())) {
                problems.add(name + "model() '" + panel.model() + "' is not the descriptor's id '" + plugin.model().id() + "'");
            }
            if (KIT_NAME.equals(panel.model())) {
                problems.add(name + "model() '" + KIT_NAME + "' is reserved for the platform's kit");
            }
            if (panel.id() == null || !ID.matcher(panel.id()).matches()) {
                problems.add(name + "id() '" + panel.id() + "' does not match " + ScreenPanel.ID_PATTERN);
            } else if (!ids.add(panel.id())) {
                problems.add(name + "id() '" + panel.id() + "' is used by another panel of the model");
            } else if (pageIds.contains(panel.id())) {
                problems.add(name + "id() '" + panel.id() + "' is the id of a console page of the model: panels and "
                        + "pages share /console/plugins/<model>/<id>.js");
            }
            if (panel.labelZh() == null || panel.labelZh().isBlank() || panel.labelZh().strip().length() > 20
                    || !DistrictPluginContract.CJK.matcher(panel.labelZh()).find()) {
                problems.add(name + "labelZh() must be Chinese, at most 20 characters: '" + panel.labelZh() + "'");
            }
            if (panel.labelEn() == null || panel.labelEn().isBlank() || panel.labelEn().strip().length() > 40) {
                problems.add(name + "labelEn() must be non-blank, at most 40 characters: '" + panel.labelEn() + "'");
            }
            if (panel.module() == null || !MODULE.matcher(panel.module()).matches()) {
                problems.add(name + "module() '" + panel.module() + "' does not match " + ScreenPanel.MODULE_PATTERN);
            }
        }
        return problems;
    }

    private static Optional<String> unsafe(String js, String name) {
        Matcher unsafe = UNSAFE.matcher(js);
        return unsafe.find() ? Optional.of(name + "uses '" + unsafe.group()
                + "': write data with textContent and DOM nodes, run no strings") : Optional.empty();
    }

    /**
     * Adds the problems of the imports of {@code js}, a module in {@code directory}, and of the sibling
     * modules it imports (each checked once, {@code checked} holding their paths).
     */
    private static void importProblems(Class<?> type, String directory, String js, String name, Set<String> checked,
                                       List<String> problems) {
        Matcher m = IMPORT.matcher(js);
        while (m.find()) {
            if (KITS.containsKey(m.group(1))) {
                continue; // the names are checked below
            }
            Matcher sibling = SIBLING.matcher(m.group(1));
            if (!sibling.matches()) {
                problems.add(name + "imports '" + m.group(1) + "': a module imports only sibling modules './<name>.js' "
                        + "and the platform's kit '" + KIT + "', '" + SCREEN_KIT + "'");
                continue;
            }
            String path = directory + sibling.group(1);
            try {
                Optional<String> text = read(type, path);
                if (text.isEmpty()) {
                    problems.add(name + "imports " + m.group(1) + ", which is not beside it");
                } else if (checked.add(path)) {
                    String siblingName = type.getName() + " module " + path + " (imported): ";
                    unsafe(text.get(), siblingName).ifPresent(problems::add);
                    importProblems(type, directory, text.get(), siblingName, checked, problems);
                }
            } catch (IOException e) {
                problems.add(name + e);
            }
        }
        Matcher kit = KIT_NAMES.matcher(js);
        while (kit.find()) {
            Set<String> exports = KITS.get(kit.group(2));
            if (exports == null) {
                continue; // reported above as a forbidden import
            }
            for (String item : kit.group(1).split(",")) {
                String imported = item.strip().split("\\s+as\\s+")[0].strip();
                if (!imported.isEmpty() && !exports.contains(imported)) {
                    problems.add(name + "imports '" + imported + "' from " + kit.group(2) + ", which has no such export "
                            + "(it has " + exports.stream().sorted().toList() + ")");
                }
            }
        }
    }

    /** The UTF-8 text of {@code path} in the directory or jar {@code type} was loaded from. */
    private static Optional<String> read(Class<?> type, String path) throws IOException {
        Path root = root(type);
        if (root == null) {
            return Optional.empty();
        }
        byte[] bytes;
        if (Files.isDirectory(root)) {
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                ZipEntry entry = jar.getEntry(path);
                if (entry == null || entry.isDirectory()) {
                    return Optional.empty();
                }
                bytes = jar.getInputStream(entry).readAllBytes();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new IOException(path + " is not UTF-8", e);
        }
    }

    private static Path root(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        try {
            return location == null ? null : Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String where(Class<?> type) {
        Path root = root(type);
        return root == null ? "the class's code source (none)" : root.toString();
    }
}
