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

    private static final Pattern ID = Pattern.compile(ConsolePage.ID_PATTERN);
    private static final Pattern MODULE = Pattern.compile(ConsolePage.MODULE_PATTERN);
    private static final Pattern MOUNT = Pattern.compile(
            "export\\s+(async\\s+)?function\\s+mount\\s*\\(|export\\s*\\{[^}]*\\bmount\\b[^}]*}");
    /** {@code import … from '…'}, {@code import '…'}, {@code export … from '…'} and {@code import('…')}. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\bimport\\s*\\(\\s*|\\bimport\\s+(?:[^'\";]*?\\s+from\\s+)?|\\bexport\\s+[^'\";]*?\\s+from\\s+)['\"`]([^'\"`]*)['\"`]");
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
     * sibling module that exists, HTML written from strings, or code run from strings.
     */
    static List<String> moduleProblems(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
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
            Matcher unsafe = UNSAFE.matcher(js);
            if (unsafe.find()) {
                problems.add(name + "uses '" + unsafe.group() + "': write data with textContent and DOM nodes, run no strings");
            }
            problems.addAll(importProblems(page, module, js, name));
        }
        return problems;
    }

    private static List<String> importProblems(ConsolePage page, String module, String js, String name) {
        List<String> problems = new ArrayList<>();
        String directory = module.contains("/") ? module.substring(0, module.lastIndexOf('/') + 1) : "";
        Matcher m = IMPORT.matcher(js);
        while (m.find()) {
            Matcher sibling = SIBLING.matcher(m.group(1));
            if (!sibling.matches()) {
                problems.add(name + "imports '" + m.group(1) + "': a module imports only sibling modules './<name>.js'");
                continue;
            }
            try {
                if (read(page.getClass(), directory + sibling.group(1)).isEmpty()) {
                    problems.add(name + "imports " + m.group(1) + ", which is not beside it");
                }
            } catch (IOException e) {
                problems.add(name + e);
            }
        }
        return problems;
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
