package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Stream;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/**
 * Writes a posted district definition as {@code tenants/<id>/} and takes it back if it does not read;
 * reads one back as files for storing (V35).
 */
final class DefinitionFiles {

    /** The only files a posted definition may contain. */
    static final Set<String> NAMES = Set.of(TenantDefinitionReader.TENANT_FILE, "departments.yaml", "grids.yaml",
            "people.yaml", "responsibility.yaml");
    private static final int MAX_FILE_CHARS = 512 * 1024;

    private DefinitionFiles() {
    }

    /**
     * Creates {@code root/<id>/} with {@code files}; the directory must not exist.
     *
     * @return the new directory
     * @throws ConflictException   when a definition with this id exists
     * @throws ValidationException for a bad id, file name or size
     */
    static Path write(Path root, String id, Map<String, String> files) {
        if (id == null || !TenantDefinition.ID.matcher(id).matches() || TenantDefinition.RESERVED_ID.equals(id)
                || TenantDefinitionReader.COMMON_DIR.equals(id)) {
            throw new ValidationException("id", "租户标识须为小写字母开头的 2–32 位小写字母、数字或连字符，且不能为 city/common"
                    + " (id must match " + TenantDefinition.ID + " and not be city or common): " + id);
        }
        if (files == null || !files.containsKey(TenantDefinitionReader.TENANT_FILE)) {
            throw new ValidationException("tenant", "缺少租户定义 (tenant definition missing)");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (!NAMES.contains(f.getKey())) {
                throw new ValidationException(f.getKey(), "不支持的定义文件 (unsupported definition file), allowed: " + NAMES);
            }
            if (f.getValue() == null || f.getValue().length() > MAX_FILE_CHARS) {
                throw new ValidationException(f.getKey(), "定义文件为空或过大 (definition file empty or over "
                        + MAX_FILE_CHARS + " characters)");
            }
        }
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(root);
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new ConflictException("id", "已存在同名租户定义 (a definition with this id exists): " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            remove(dir);
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Makes {@code root/<id>/} hold exactly {@code files} (already checked when they were stored) among
     * the {@link #NAMES}; other files in it are left alone.
     */
    static void replace(Path root, String id, Map<String, String> files) {
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(dir);
            for (String name : NAMES) {
                String content = files.get(name);
                if (content == null) {
                    Files.deleteIfExists(dir.resolve(name));
                } else {
                    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of {@link #NAMES} under {@code dir}, by name; none when it does not exist. */
    static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (String name : NAMES) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Deletes the directory and its files; quietly. */
    static void remove(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing more to do: a left-over directory is refused as a duplicate and can be removed by hand
        }
    }
}
