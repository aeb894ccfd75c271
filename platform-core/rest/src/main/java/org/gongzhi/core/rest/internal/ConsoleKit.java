package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console page kit (控制台页面工具包): ES modules the platform serves to every plugin's console
 * pages at {@code /console/plugins/kit/<version>/<file>}, from this bundle's
 * {@code console-kit/<version>/<file>}. Within a version the exports only grow; an incompatible kit
 * gets the next version beside the old one, so installed plugins keep working. The files are read
 * once: they change only with the platform.
 */
final class ConsoleKit {

    /** The path segment of the kit below {@code /console/plugins/}, reserved: no console page's model may be so named. */
    static final String NAME = "kit";
    /**
     * The kit's files, {@code <version>/<file>}: the page kit {@code ui.js} and, since issue 15, the
     * screen panel kit {@code screen.js} (which imports {@code ./ui.js}).
     */
    static final List<String> FILES = List.of("1/ui.js", "1/screen.js");

    /** A kit file: its bytes and an entity tag derived from them. */
    record File(byte[] bytes, String etag) {
    }

    private final Map<String, File> files;

    ConsoleKit() {
        files = FILES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), ConsoleKit::load));
    }

    /** The file {@code name} of kit {@code version}, if the kit has it. */
    Optional<File> file(String version, String name) {
        return Optional.ofNullable(files.get(version + "/" + name));
    }

    private static File load(String path) {
        try (InputStream in = ConsoleKit.class.getResourceAsStream("/console-kit/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks console-kit/" + path);
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new File(bytes, "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 12)) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
