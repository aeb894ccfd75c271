package org.gongzhi.core.tenant.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gongzhi.core.tenant.TenantDefinitionException;
import org.yaml.snakeyaml.LoaderOptions;

/** Loads YAML files as Jackson trees; I/O and syntax errors become {@link TenantDefinitionException}. */
public final class YamlFiles {

    /** Grid files with many boundaries are large: allow 64 MiB instead of SnakeYAML's 3 MB default. */
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private final ObjectMapper mapper;

    public YamlFiles() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(CODE_POINT_LIMIT);
        this.mapper = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    /** The root of {@code file}, which must be a mapping. */
    public Field load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TenantDefinitionException(file, null, "missing file", null);
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (NoSuchFileException e) {
            throw new TenantDefinitionException(file, null, "missing file", e);
        } catch (JsonProcessingException e) {
            throw new TenantDefinitionException(file, null, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new TenantDefinitionException(file, null, "cannot read: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new TenantDefinitionException(file, null, "must contain a YAML mapping", null);
        }
        return new Field(file, "", root);
    }
}
