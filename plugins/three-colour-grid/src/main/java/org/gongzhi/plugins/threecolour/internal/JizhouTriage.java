package org.gongzhi.plugins.threecolour.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.TriageDecision;

/**
 * 三类分流: the Jizhou triage rule as a pure function of the case facts, shared by
 * {@link ThreeColourTriagePolicy} and {@link ConsultationGuard} so both always agree.
 *
 * <ul>
 * <li>简易 simple: 2 hours, green, no department;</li>
 * <li>需协调 coordination: 5 working days, yellow, copied at the same time to the district competent
 * department (同步推送区级主管部门);</li>
 * <li>重点难点 difficult: consultation (会商), red, 10 working days, 15 for the hardest categories.</li>
 * </ul>
 * The tier is the category's default tier, escalated to difficult for the categories of
 * {@link #KEY_CATEGORIES}. Table lookups only; stateless and thread-safe.
 */
final class JizhouTriage {

    /** Shown on every case as attribute {@code method}. */
    static final String METHOD = "一格八员、一网三色";

    static final int SIMPLE_HOURS = 2;
    static final int COORDINATION_WORKING_DAYS = 5;
    static final int DIFFICULT_WORKING_DAYS = 10;
    static final int HARDEST_WORKING_DAYS = 15;

    /**
     * 重点难点问题: categories Jizhou treats as key/difficult whatever the category table says, with
     * their working days (10 to 15, "原则上10至15个工作日"). Codes from tenants/common/categories.yaml.
     */
    static final Map<String, Integer> KEY_CATEGORIES = keyCategories();

    private JizhouTriage() {
    }

    private static Map<String, Integer> keyCategories() {
        Map<String, Integer> m = new LinkedHashMap<>();
        // the hardest: many parties, land or money at stake, often repeated petitions: 15 days
        m.put("CM0301", HARDEST_WORKING_DAYS); // 违法建设 illegal construction
        m.put("CG0103", HARDEST_WORKING_DAYS); // 土地山林纠纷 land, hill or forest dispute
        m.put("CG0105", HARDEST_WORKING_DAYS); // 群体性欠薪 wage arrears affecting many workers
        m.put("CG0603", HARDEST_WORKING_DAYS); // 群体性诉求 collective demand
        m.put("CG0604", HARDEST_WORKING_DAYS); // 征地拆迁诉求 land expropriation or demolition
        m.put("LS0405", HARDEST_WORKING_DAYS); // 老旧小区改造诉求 renovation of an old estate
        // key/difficult, 10 days
        m.put("LS0404", DIFFICULT_WORKING_DAYS); // 危房隐患 dangerous building
        m.put("CG0304", DIFFICULT_WORKING_DAYS); // 三合一场所 living, work and storage in one
        m.put("CG0602", DIFFICULT_WORKING_DAYS); // 重复信访与越级上访风险 repeated petitions
        // escalated from coordination: safety of life, several departments must act together
        m.put("CG0503", DIFFICULT_WORKING_DAYS); // 严重精神障碍患者 (health, police, civil affairs)
        m.put("CG0701", DIFFICULT_WORKING_DAYS); // 地质灾害隐患 (natural resources, emergency, town)
        return Map.copyOf(m);
    }

    /** The Jizhou tier of a case; empty when its default tier is unknown and it is no key category. */
    static Optional<Tier> tierOf(CaseFacts facts) {
        if (KEY_CATEGORIES.containsKey(code(facts))) {
            return Optional.of(Tier.DIFFICULT);
        }
        return Tier.fromWireName(facts.defaultTier());
    }

    /** The full decision; empty exactly when {@link #tierOf} is. */
    static Optional<TriageDecision> decide(CaseFacts facts) {
        return tierOf(facts).map(tier -> switch (tier) {
            case SIMPLE -> decision(tier, SIMPLE_HOURS, 0, false, "网格员自办自结", "2小时内");
            case COORDINATION -> decision(tier, 0, COORDINATION_WORKING_DAYS, true,
                    "点对点推送职能部门并同步区级主管部门", "5个工作日");
            case DIFFICULT -> {
                int days = KEY_CATEGORIES.getOrDefault(code(facts), DIFFICULT_WORKING_DAYS);
                yield decision(tier, 0, days, false, "部门会商，明确牵头部门和责任部门", days + "个工作日");
            }
        });
    }

    private static TriageDecision decision(Tier tier, int hours, int days, boolean copy, String handling, String due) {
        Map<String, String> attributes = Map.of(
                "colour", tier.colour(),
                "colourLabel", tier.colourLabel(),
                "method", METHOD,
                "handling", handling,
                "due", due);
        return new TriageDecision(tier.wireName(), hours, days, null, List.of(), copy, attributes);
    }

    private static String code(CaseFacts facts) {
        return facts.categoryCode().trim().toUpperCase(Locale.ROOT);
    }
}
