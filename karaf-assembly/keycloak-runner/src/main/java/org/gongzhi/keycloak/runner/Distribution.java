package org.gongzhi.keycloak.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Finds the Keycloak distribution archive and unpacks it into a home directory, once. */
final class Distribution {

    static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist";
    static final String ARTIFACT = "keycloak-quarkus-dist";
    static final String MARKER = ".gongzhi-unpacked";

    private static final Properties BUILD = loadBuildProperties();

    private Distribution() {
    }

    /** The Keycloak version this runner was built for (the version of the Maven artifact it depends on). */
    static String version() {
        return BUILD.getProperty("keycloak.version");
    }

    /** {@code home/keycloak-<version>}: the unpacked server; its {@code data/} holds the dev-file database. */
    static Path serverDir(Path home) {
        return home.resolve("keycloak-" + version());
    }

    static boolean isUnpacked(Path home) {
        return Files.isRegularFile(serverDir(home).resolve(MARKER));
    }

    /**
     * The archive to unpack: the explicit one if given, else the system property {@code gongzhi.keycloak.dist},
     * else the artifact in the local Maven repository ({@code maven.repo.local}, the repository of the build
     * that made this jar, {@code ~/.m2/repository}).
     */
    static Path locate(Path explicit) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            candidates.add(explicit);
        } else {
            String property = System.getProperty("gongzhi.keycloak.dist");
            if (property != null && !property.isBlank()) {
                candidates.add(Paths.get(property));
            } else {
                Map<String, Path> repos = new LinkedHashMap<>();
                addRepo(repos, System.getProperty("maven.repo.local"));
                addRepo(repos, BUILD.getProperty("build.localRepository"));
                addRepo(repos, Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
                for (Path repo : repos.values()) {
                    candidates.add(repo.resolve(GROUP_PATH).resolve(version())
                            .resolve(ARTIFACT + "-" + version() + ".tar.gz"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Keycloak distribution org.keycloak:" + ARTIFACT + ":" + version()
                + ":tar.gz not found; looked at " + candidates
                + ". Build the module karaf-assembly/keycloak-runner with Maven once (it fetches the archive"
                + " into the local repository), or name the archive with -Dgongzhi.keycloak.dist=FILE.");
    }

    private static void addRepo(Map<String, Path> repos, String value) {
        if (value != null && !value.isBlank() && !value.contains("${")) {
            Path path = Paths.get(value).toAbsolutePath().normalize();
            repos.putIfAbsent(path.toString(), path);
        }
    }

    /**
     * Unpacks the archive into {@code home/keycloak-<version>} unless that was done before (marker file).
     * Work happens in a scratch directory that is moved into place at the end, so an interrupted unpack is
     * simply redone. Returns true if it unpacked.
     */
    static boolean unpackIfNeeded(Path home, Path explicitArchive) {
        if (isUnpacked(home)) {
            return false;
        }
        Path archive = locate(explicitArchive);
        Path target = serverDir(home);
        Path scratch = home.resolve(".unpacking");
        try {
            deleteTree(scratch);
            deleteTree(target); // no marker: a partial copy from an interrupted run, never started
            Files.createDirectories(scratch);
            extract(archive, scratch);
            Path top = singleTopDirectory(scratch);
            Files.move(top, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(scratch);
            Path kc = target.resolve("bin").resolve("kc.sh");
            if (!Files.isExecutable(kc)) {
                throw new IllegalStateException(kc + " is missing or not executable after unpacking " + archive);
            }
            Files.writeString(target.resolve(MARKER), "unpacked from " + archive + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + archive + " into " + target, e);
        }
    }

    private static Path singleTopDirectory(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            if (all.size() != 1 || !Files.isDirectory(all.get(0), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("Expected one top-level directory in the Keycloak archive, found " + all);
            }
            return all.get(0);
        }
    }

    /** Extracts a tar.gz, keeping permission bits, modification times and symbolic links. */
    static void extract(Path archive, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        Map<Path, Integer> directoryModes = new LinkedHashMap<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw, true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    if (out.equals(root)) {
                        continue;
                    }
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    directoryModes.put(out, entry.getMode());
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Paths.get(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path existing = root.resolve(entry.getLinkName()).normalize();
                    if (!existing.startsWith(root)) {
                        throw new IOException("Hard link outside the target directory: " + entry.getLinkName());
                    }
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createLink(out, existing);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    setMode(out, entry.getMode());
                    Files.setLastModifiedTime(out, FileTime.from(entry.getModTime().toInstant()));
                }
                // other entry types (devices, fifos) do not occur in the distribution and are skipped
            }
        }
        for (Map.Entry<Path, Integer> dir : directoryModes.entrySet()) {
            setMode(dir.getKey(), dir.getValue() | 0700); // directories stay writable and searchable for us
        }
    }

    private static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        perms.add(PosixFilePermission.OWNER_READ);
        perms.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(path, perms);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Properties loadBuildProperties() {
        Properties properties = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("runner.properties")) {
            if (in == null) {
                throw new IllegalStateException("runner.properties missing from the keycloak-runner jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
