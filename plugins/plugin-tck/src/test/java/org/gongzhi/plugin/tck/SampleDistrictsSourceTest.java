package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gongzhi.plugin.api.DistrictDepartment;
import org.gongzhi.plugin.api.DistrictGrid;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@link SampleDistricts}' TSV files (src/main/resources/…/districts) are generated from the platform's demo
 * definitions ({@code tenants/}): this test generates them again in memory and compares. After a change of
 * {@code tenants/}, regenerate them with
 * {@code ./mvnw -B -o test -pl plugins/plugin-tck -Dtest=SampleDistrictsSourceTest -Dgongzhi.tck.regenerate=true}.
 */
public class SampleDistrictsSourceTest {

    private static final Path TENANTS = Path.of("../../tenants");
    private static final Path TSV = Path.of("src/main/resources/org/gongzhi/plugin/tck/districts");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    public void theSampleDistrictsAreTheDemoDistrictsOfTenants() throws IOException {
        boolean regenerate = Boolean.getBoolean("gongzhi.tck.regenerate");
        for (Map.Entry<String, String> f : generate().entrySet()) {
            Path file = TSV.resolve(f.getKey());
            if (regenerate) {
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + " (regenerate it: see this test's "
                    + "javadoc)").isEqualTo(f.getValue());
        }
    }

    @Test
    public void theFactsReadBackAreTheGeneratedOnes() throws IOException {
        // a spot check that SampleDistricts reads the columns the generator writes
        assertThat(SampleDistricts.category("CM0101").orElseThrow().name()).isEqualTo("暴露垃圾");
        JsonNode root = yaml(TENANTS.resolve("jizhou/grids.yaml")).get("grid");
        List<String> streets = new ArrayList<>();
        root.get("children").forEach(s -> streets.add(text(s, "code")));
        DistrictGrid district = SampleDistricts.jizhou().grids().get(0);
        assertThat(district.code()).isEqualTo(text(root, "code"));
        assertThat(district.level()).isEqualTo("district");
        assertThat(district.childCodes()).isEqualTo(streets);
        assertThat(SampleDistricts.jizhou().departments()).extracting(DistrictDepartment::code).contains("CG", "HW");
    }

    /** File name → content, as committed. */
    static Map<String, String> generate() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder("# generated from tenants/common/categories.yaml: code family parent tier "
                + "departmentKind leaf name nameEn\n");
        for (JsonNode family : yaml(TENANTS.resolve("common/categories.yaml")).get("families")) {
            String f = family.get("family").asText();
            for (JsonNode major : family.get("majors")) {
                row(c, major.get("code").asText(), f, "", "", "", "false", text(major, "name"), text(major, "nameEn"));
                for (JsonNode minor : major.get("minors")) {
                    row(c, minor.get("code").asText(), f, major.get("code").asText(), lower(text(minor, "tier")),
                            text(minor, "departmentKind"), "true", text(minor, "name"), text(minor, "nameEn"));
                }
            }
        }
        files.put("categories.tsv", c.toString());
        for (String id : SampleDistricts.IDS) {
            Path dir = TENANTS.resolve(id);
            JsonNode tenant = yaml(dir.resolve("tenant.yaml"));
            StringBuilder d = new StringBuilder("# generated from tenants/" + id + ": district, then grids (code parent "
                    + "level name nameEn), then departments (code kind name nameEn)\n");
            row(d, "district", id, text(tenant, "name"));
            grids(d, yaml(dir.resolve(text(tenant, "grids"))).get("grid"), "");
            for (JsonNode dept : yaml(dir.resolve(text(tenant, "departments"))).get("departments")) {
                row(d, "department", text(dept, "code"), text(dept, "kind"), text(dept, "name"), text(dept, "nameEn"));
            }
            files.put(id + ".tsv", d.toString());
        }
        return files;
    }

    /** The tree depth first, parents before their children. */
    private static void grids(StringBuilder out, JsonNode grid, String parent) {
        row(out, "grid", text(grid, "code"), parent, lower(text(grid, "level")), text(grid, "name"), text(grid, "nameEn"));
        for (JsonNode child : grid.path("children")) {
            grids(out, child, text(grid, "code"));
        }
    }

    private static void row(StringBuilder out, String... cells) {
        out.append(String.join("\t", cells)).append('\n');
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }
}
