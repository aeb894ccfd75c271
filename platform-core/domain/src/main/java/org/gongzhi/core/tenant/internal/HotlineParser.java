package org.gongzhi.core.tenant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongzhi.core.grid.GridTree;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.ConnectorDefinition;
import org.gongzhi.core.tenant.HotlineMapping;

/**
 * Parses a district's {@code hotline.yaml} (12345 热线映射): {@code categories[]} with
 * {@code hotline} and {@code category}, an optional {@code defaultCategory}, and {@code places[]}
 * with {@code street} and/or {@code community} and {@code grid}, the optional {@code reply} connector
 * (回复: how closed tickets are answered to the hotline system) and {@code callbackAttempts} (回访:
 * failed attempts before a case leaves the callback list, 1–10, default 3). Every target must be a
 * leaf category and a grid below the district root; errors name the field.
 */
public final class HotlineParser {

    private HotlineParser() {
    }

    public static HotlineMapping parse(Field root, List<CategoryDefinition> categories, GridTree grids) {
        root.requireObject(Set.of("categories", "defaultCategory", "places", "reply", "callbackAttempts"));
        List<HotlineMapping.CategoryRule> rules = new ArrayList<>();
        for (Field f : root.get("categories").elements()) {
            f.requireObject(Set.of("hotline", "category"));
            String hotline = f.get("hotline").text(true);
            String category = leaf(f.get("category"), categories);
            rules.add(new HotlineMapping.CategoryRule(hotline, category));
        }
        String defaultCategory = root.get("defaultCategory").isMissing() ? null
                : leaf(root.get("defaultCategory"), categories);
        List<HotlineMapping.PlaceRule> places = new ArrayList<>();
        for (Field f : root.get("places").elements()) {
            f.requireObject(Set.of("street", "community", "grid"));
            String street = f.get("street").text(false);
            String community = f.get("community").text(false);
            if (street == null && community == null) {
                throw f.error("a place needs a street or a community name");
            }
            Field gridField = f.get("grid");
            String grid = gridField.text(true);
            if (grids.find(grid).isEmpty() || grids.root().code().equals(grid)) {
                throw gridField.error("must be a grid code below the district root " + grids.root().code()
                        + ", got \"" + grid + "\"");
            }
            places.add(new HotlineMapping.PlaceRule(street, community, grid));
        }
        Field attemptsField = root.get("callbackAttempts");
        int attempts = HotlineMapping.DEFAULT_CALLBACK_ATTEMPTS;
        if (!attemptsField.isMissing()) {
            if (!attemptsField.node().canConvertToInt() || !attemptsField.node().isIntegralNumber()
                    || attemptsField.node().intValue() < 1
                    || attemptsField.node().intValue() > HotlineMapping.MAX_CALLBACK_ATTEMPTS) {
                throw attemptsField.error("must be a whole number 1–" + HotlineMapping.MAX_CALLBACK_ATTEMPTS);
            }
            attempts = attemptsField.node().intValue();
        }
        ConnectorDefinition reply = Connectors.parse(root.get("reply"));
        try {
            return new HotlineMapping(rules, defaultCategory, places, reply, attempts);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage(), e);
        }
    }

    private static String leaf(Field f, List<CategoryDefinition> categories) {
        String code = f.text(true);
        CategoryDefinition c = categories.stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> f.error("is not a category code of the categories file: \"" + code + "\""));
        if (!c.leaf()) {
            throw f.error("must be a leaf (minor) category, not the major category \"" + code + "\"");
        }
        return code;
    }
}
