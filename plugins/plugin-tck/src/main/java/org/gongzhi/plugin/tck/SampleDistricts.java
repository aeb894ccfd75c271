package org.gongzhi.plugin.tck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.DistrictCategory;
import org.gongzhi.plugin.api.DistrictDepartment;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;

/**
 * The demo districts' facts (示例区情) as the core gives them to plugins ({@link DistrictFacts}): the
 * shared categories and the grid trees and departments of Jizhou, Donghu and Jiangbei, copied from
 * the platform's {@code tenants/} definitions into the TSV files beside this class (generated and checked by the
 * TCK's {@code SampleDistrictsSourceTest}). {@link FixedPluginTenants} answers
 * {@code district(…)} with them, and {@link CaseSamples} take the categories' families and names
 * from them. Immutable.
 *
 * @since 1.3
 */
public final class SampleDistricts {

    /** The demo districts, by id. */
    public static final List<String> IDS = List.of("jizhou", "donghu", "jiangbei");

    private static final List<DistrictCategory> CATEGORIES = categories(read("categories"));
    private static final Map<String, DistrictFacts> DISTRICTS = new LinkedHashMap<>();

    static {
        for (String id : IDS) {
            DISTRICTS.put(id, district(id, read(id)));
        }
    }

    private SampleDistricts() {
    }

    /** The categories every demo district shares (tenants/common/categories.yaml), majors before their minors. */
    public static List<DistrictCategory> categories() {
        return CATEGORIES;
    }

    /** The category with this code. */
    public static Optional<DistrictCategory> category(String code) {
        return CATEGORIES.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** 吉州区: grid codes {@code 360802…}, the shape of the contract suite's {@value FixedPluginTenants#ENABLED_TENANT}. */
    public static DistrictFacts jizhou() {
        return DISTRICTS.get("jizhou");
    }

    /** 东湖区: grid codes {@code 360102…}. */
    public static DistrictFacts donghu() {
        return DISTRICTS.get("donghu");
    }

    /** 江北区: grid codes {@code 500105…}, the shape of {@value FixedPluginTenants#OTHER_TENANT}. */
    public static DistrictFacts jiangbei() {
        return DISTRICTS.get("jiangbei");
    }

    /**
     * The facts of demo district {@code demoId} under another tenant id, e.g. Jizhou's as {@code tck-a}.
     *
     * @throws IllegalArgumentException for an id not in {@link #IDS}
     */
    public static DistrictFacts as(String demoId, String tenantId) {
        DistrictFacts d = DISTRICTS.get(demoId);
        if (d == null) {
            throw new IllegalArgumentException("not a demo district: " + demoId + " (one of " + IDS + ")");
        }
        return tenantId.equals(d.tenantId()) ? d
                : new DistrictFacts(tenantId, d.name(), d.categories(), d.grids(), d.departments());
    }

    private static List<DistrictCategory> categories(List<String[]> rows) {
        List<DistrictCategory> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(new DistrictCategory(r[0], r[6], blank(r[7]), r[1], blank(r[2]), blank(r[3]), blank(r[4]),
                    Boolean.parseBoolean(r[5])));
        }
        return List.copyOf(out);
    }

    private static DistrictFacts district(String id, List<String[]> rows) {
        String name = null;
        Map<String, List<String>> children = new LinkedHashMap<>();
        List<String[]> grids = new ArrayList<>();
        List<DistrictDepartment> departments = new ArrayList<>();
        for (String[] r : rows) {
            switch (r[0]) {
                case "district" -> name = r[2];
                case "grid" -> {
                    grids.add(r);
                    children.put(r[1], new ArrayList<>());
                    if (!r[2].isEmpty()) {
                        children.get(r[2]).add(r[1]);
                    }
                }
                case "department" -> departments.add(new DistrictDepartment(r[1], r[3], blank(r[4]), r[2]));
                default -> throw new IllegalStateException("bad line in " + id + ": " + r[0]);
            }
        }
        List<DistrictGrid> tree = grids.stream().map(r -> new DistrictGrid(r[1], r[4], blank(r[5]), r[3], blank(r[2]),
                children.get(r[1]))).toList();
        return new DistrictFacts(id, name, CATEGORIES, tree, departments);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static List<String[]> read(String name) {
        String path = "districts/" + name + ".tsv";
        try (InputStream in = SampleDistricts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
