package org.gongzhi.core.tenant;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongzhi.core.grid.GridTree;

/**
 * How a district maps the 12345 hotline's tickets (12345热线工单) onto its own definition, read from
 * the optional {@code hotline.yaml}: the hotline's category labels or codes onto leaf categories,
 * an optional default category, and street/community names onto grid nodes. Immutable; the lists
 * are unmodifiable copies. Labels are compared {@link #normalise normalised}.
 *
 * @param categories      hotline category → leaf category code; hotline labels unique once normalised
 * @param defaultCategory leaf category for tickets whose category maps to nothing, {@code null}: none
 *                        (such tickets are refused)
 * @param places          street and/or community name → grid code; a (street, community) pair unique
 * @param reply           how the reply (回复) of a closed ticket goes back to the hotline system, {@code null}:
 *                        no reply is sent (the connector types of {@link ConnectorDefinition}; in {@code url}
 *                        and {@code directory}, {@code {department}} stands for {@link #REPLY_DEPARTMENT})
 * @param callbackAttempts failed callback attempts (回访未接通) after which a case leaves the callback list
 *                        as 未回访成功, 1–10; {@value #DEFAULT_CALLBACK_ATTEMPTS} when not given
 * @since 1.2 ({@code reply}, {@code callbackAttempts}: 1.4)
 */
public record HotlineMapping(List<CategoryRule> categories, String defaultCategory, List<PlaceRule> places,
                             ConnectorDefinition reply, int callbackAttempts) {

    /** Failed callback attempts before a case leaves the callback list, when the mapping does not say. */
    public static final int DEFAULT_CALLBACK_ATTEMPTS = 3;
    /** Most failed callback attempts a district may configure. */
    public static final int MAX_CALLBACK_ATTEMPTS = 10;
    /**
     * The department code under which replies to the hotline wait in the dispatch outbox: not a
     * valid department code ({@code [A-Za-z0-9_-]}), so it never names a real department.
     *
     * @since 1.4
     */
    public static final String REPLY_DEPARTMENT = "12345:reply";

    private static final Pattern SEPARATORS = Pattern.compile("\\s*[/／>＞|｜\\\\]+\\s*");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /**
     * One hotline category.
     *
     * @param hotline  the hotline system's label (e.g. 市容环境/占道经营) or code
     * @param category the leaf category code of the district (e.g. CM0401)
     */
    public record CategoryRule(String hotline, String category) {
        /** Requires both values. */
        public CategoryRule {
            require(hotline, "hotline");
            require(category, "category");
        }
    }

    /**
     * One place name.
     *
     * @param street    the street or town name as the hotline writes it (e.g. 古南街道), {@code null}: any
     * @param community the community or village name (e.g. 阳明社区), {@code null}: any
     * @param grid      the grid node the place stands for (any level below the district)
     */
    public record PlaceRule(String street, String community, String grid) {
        /** Requires the grid and at least one name. */
        public PlaceRule {
            street = blankToNull(street);
            community = blankToNull(community);
            if (street == null && community == null) {
                throw new IllegalArgumentException("a place needs a street or a community name");
            }
            require(grid, "grid");
        }
    }

    /** Without a reply connector, with the default callback attempts. */
    public HotlineMapping(List<CategoryRule> categories, String defaultCategory, List<PlaceRule> places) {
        this(categories, defaultCategory, places, null, DEFAULT_CALLBACK_ATTEMPTS);
    }

    /** Copies the lists; rejects duplicate hotline labels and duplicate places, and attempts outside 1–10. */
    public HotlineMapping {
        if (callbackAttempts < 1 || callbackAttempts > MAX_CALLBACK_ATTEMPTS) {
            throw new IllegalArgumentException("callbackAttempts must be 1–" + MAX_CALLBACK_ATTEMPTS + ": "
                    + callbackAttempts);
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        places = places == null ? List.of() : List.copyOf(places);
        defaultCategory = blankToNull(defaultCategory);
        Set<String> seen = new HashSet<>();
        for (CategoryRule r : categories) {
            if (!seen.add(normalise(r.hotline()))) {
                throw new IllegalArgumentException("duplicate hotline category \"" + r.hotline() + "\"");
            }
        }
        seen.clear();
        for (PlaceRule p : places) {
            if (!seen.add(normalise(p.street()) + "\u0000" + normalise(p.community()))) {
                throw new IllegalArgumentException("duplicate place " + p.street() + " / " + p.community());
            }
        }
    }

    /** No mapping at all: the district has no {@code hotline.yaml}. */
    public static HotlineMapping none() {
        return new HotlineMapping(List.of(), null, List.of());
    }

    /** The leaf category mapped from the hotline's label or code, without the default. */
    public Optional<String> categoryFor(String hotlineCategory) {
        String key = normalise(hotlineCategory);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return categories.stream().filter(r -> normalise(r.hotline()).equals(key)).map(CategoryRule::category)
                .findFirst();
    }

    /**
     * The grid mapped from a ticket's street and community: first the rule naming both, then
     * one naming only the community, then one naming only the street.
     */
    public Optional<String> gridFor(String street, String community) {
        String s = normalise(street);
        String c = normalise(community);
        Optional<String> grid = c.isEmpty() ? Optional.empty() : place(s, c);
        if (grid.isEmpty() && !c.isEmpty()) {
            grid = place("", c);
        }
        return grid.isEmpty() && !s.isEmpty() ? place(s, "") : grid;
    }

    private Optional<String> place(String street, String community) {
        return places.stream()
                .filter(p -> normalise(p.street()).equals(street) && normalise(p.community()).equals(community))
                .map(PlaceRule::grid).findFirst();
    }

    /**
     * Checks that every target is a leaf category of {@code categoryList} and every grid a node of
     * {@code grids} below its root.
     *
     * @throws IllegalArgumentException naming the field (e.g. {@code hotline.places[2].grid})
     */
    public void requireTargets(List<CategoryDefinition> categoryList, GridTree grids) {
        Set<String> leaves = new HashSet<>();
        categoryList.stream().filter(CategoryDefinition::leaf).forEach(c -> leaves.add(c.code()));
        for (int i = 0; i < categories.size(); i++) {
            if (!leaves.contains(categories.get(i).category())) {
                throw new IllegalArgumentException("hotline.categories[" + i + "].category: not a leaf category: "
                        + categories.get(i).category());
            }
        }
        if (defaultCategory != null && !leaves.contains(defaultCategory)) {
            throw new IllegalArgumentException("hotline.defaultCategory: not a leaf category: " + defaultCategory);
        }
        for (int i = 0; i < places.size(); i++) {
            String grid = places.get(i).grid();
            if (grids.find(grid).isEmpty() || grids.root().code().equals(grid)) {
                throw new IllegalArgumentException("hotline.places[" + i + "].grid: not a grid below the district: "
                        + grid);
            }
        }
    }

    /**
     * A label as compared: Unicode NFKC (full-width letters and digits become ASCII), lower case,
     * blanks removed, every run of separators {@code / ／ > ＞ | ｜ \} one {@code /}; {@code null}
     * becomes the empty string.
     */
    public static String normalise(String label) {
        if (label == null) {
            return "";
        }
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        s = SEPARATORS.matcher(s).replaceAll("/");
        return BLANKS.matcher(s).replaceAll("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
