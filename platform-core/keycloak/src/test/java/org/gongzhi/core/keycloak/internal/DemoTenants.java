package org.gongzhi.core.keycloak.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * The demo districts under fresh tenant ids: {@code tenants/<demo>} and {@code tenants/common} are
 * copied into a temporary directory under a new name (a definition's id must equal its directory
 * name) and read with the real reader.
 */
final class DemoTenants {

    /** The demo people's password (tenants/*&#47;people.yaml). */
    static final String DEMO_PASSWORD = "Gongzhi-demo-2026";

    private static Path root;

    private DemoTenants() {
    }

    /** The repository's {@code tenants/} directory. */
    static synchronized Path source() {
        if (root == null) {
            String configured = System.getProperty("gongzhi.tenants");
            Path p = configured != null ? Path.of(configured) : null;
            if (p == null || !Files.isDirectory(p)) {
                for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
                    if (Files.isDirectory(d.resolve("tenants/common"))) {
                        p = d.resolve("tenants");
                        break;
                    }
                }
            }
            if (p == null || !Files.isDirectory(p)) {
                throw new IllegalStateException("tenants/ not found; set -Dgongzhi.tenants");
            }
            root = p;
        }
        return root;
    }

    /** A fresh id such as {@code jz-k3f9q2}. */
    static String freshId(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Demo district {@code demo} (e.g. jizhou) under the new id {@code id}. */
    static TenantDefinition copy(String demo, String id) {
        try {
            Path target = Files.createTempDirectory("gongzhi-tenants-");
            copyTree(source().resolve(TenantDefinitionReader.COMMON_DIR), target.resolve(TenantDefinitionReader.COMMON_DIR));
            Path dir = target.resolve(id);
            copyTree(source().resolve(demo), dir);
            Path file = dir.resolve(TenantDefinitionReader.TENANT_FILE);
            String yaml = Files.readString(file).replaceFirst("(?m)^id: *" + demo + " *$", "id: " + id);
            Files.writeString(file, yaml);
            return new TenantDefinitionReader().read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The city administrators of {@code tenants/common/city-people.yaml}. */
    static List<PersonDefinition> cityAdmins() {
        return new TenantDefinitionReader().readCityPeople(source());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
