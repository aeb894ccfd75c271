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
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.gongzhi.plugin.api.ConsolePage;

/**
 * The checks of a plugin's {@link ConsolePage}s: their settings, and their modules as they lie in
 * the plugin's build output (the directory or jar the page class was loaded from, which is what
 * the bundle holds).
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
    /** The path segment of the kit, which no model with console pages may use as its id. */
    static final String KIT_NAME = "kit";

    private static final Pattern ID = Pattern.compile(ConsolePage.ID_PATTERN);
    private static final Pattern MODULE = Pattern.compile(ConsolePage.MODULE_PATTERN);
    private static final Pattern MOUNT = Pattern.compile(
            "export\\s+(async\\s+)?function\\s+mount\\s*\\(|export\\s*\\{[^}]*\\bmount\\b[^}]*}");
    /** {@code import … from '…'}, {@code import '…'}, {@code export … from '…'} and {@code import('…')}. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\bimport\\s*\\(\\s*|\\bimport\\s+(?:[^'\";]*?\\s+from\\s+)?|\\bexport\\s+[^'\";]*?\\s+from\\s+)['\"`]([^'\"`]*)['\"`]");
    /** {@code import { a, b as c } from '<kit>'}: the names a module takes from the kit. */
    private static final Pattern KIT_NAMES = Pattern.compile(
            "\\bimport\\s*\\{([^}]*)}\\s*from\\s*['\"`]" + Pattern.quote(KIT) + "['\"`]");
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

    /**
     * Modules that are missing from the build output or break the module rules: not UTF-8, no
     * exported {@code mount}, no {@code data-page="<model>/<id>"} key, an import of anything but a
     * sibling module that exists or the page kit, HTML written from strings, or code run from strings.
     * The sibling modules a page imports, and those they import, keep the same import and HTML rules.
     */
    static List<String> moduleProblems(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
        Set<String> siblingsChecked = new HashSet<>(); // page modules are checked as pages, not again as siblings
        plugin.consolePages().forEach(page -> siblingsChecked.add(page.module()));
        for (ConsolePage page : plugin.consolePages()) {
            String module = page.module();
            if (module == null || !MODULE.matcher(module).matches()) {
                continue; // reported by settingProblems
            }
            String name = page.getClass().getName() + " module " + module + ": ";
            Optional<String> text;
            try {
                text = read(page.getClass(), module);
            } catch (IOException e) {
                problems.add(name + e);
                continue;
            }
            if (text.isEmpty()) {
                problems.add(name + "not found in " + where(page.getClass())
                        + " (put it under src/main/resources/" + module + ")");
                continue;
            }
            String js = text.get();
            if (!MOUNT.matcher(js).find()) {
                problems.add(name + "exports no function mount(el, ctx)");
            }
            String key = page.model() + "/" + page.id();
            if (!js.contains(key)) {
                problems.add(name + "never names its data-page key '" + key + "' (set data-page=\"" + key
                        + "\" on the page's root element)");
            }
            unsafe(js, name).ifPresent(problems::add);
            String directory = module.contains("/") ? module.substring(0, module.lastIndexOf('/') + 1) : "";
            importProblems(page.getClass(), directory, js, name, siblingsChecked, problems);
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
            if (KIT.equals(m.group(1))) {
                continue; // the names are checked below
            }
            Matcher sibling = SIBLING.matcher(m.group(1));
            if (!sibling.matches()) {
                problems.add(name + "imports '" + m.group(1) + "': a module imports only sibling modules './<name>.js' "
                        + "and the platform's page kit '" + KIT + "'");
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
            for (String item : kit.group(1).split(",")) {
                String imported = item.strip().split("\\s+as\\s+")[0].strip();
                if (!imported.isEmpty() && !KIT_EXPORTS.contains(imported)) {
                    problems.add(name + "imports '" + imported + "' from the page kit, which has no such export (it has "
                            + KIT_EXPORTS.stream().sorted().toList() + ")");
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
