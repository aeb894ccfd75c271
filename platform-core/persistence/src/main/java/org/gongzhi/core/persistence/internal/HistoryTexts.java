package org.gongzhi.core.persistence.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.gongzhi.core.tenant.CategoryDefinition;

/**
 * The words of the demo history: titles, descriptions and the notes of each step, in the style of
 * a governance centre's records. Reporters are obviously invented: "（演示）" in the name and a
 * phone number of zeros that no Chinese number starts with.
 */
final class HistoryTexts {

    static final String DEMO_MARK = "（演示）";

    private static final List<String> SPOTS = List.of("小区门口", "菜市场旁", "十字路口", "公交站台附近", "学校周边",
            "背街小巷", "沿街商铺前", "河道边", "老旧楼栋", "广场东侧", "停车场内", "农贸市场", "公园入口", "村道旁");
    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐",
            "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "梁");
    private static final List<String> ASKS = List.of("请尽快处理", "希望有关部门尽快解决", "影响居民生活，请核实处理",
            "已持续多日，请协调解决", "请相关部门到现场查看");
    private static final List<String> REJECTS = List.of("重复上报，已并入在办案件", "不属于本平台受理范围，已告知反映人",
            "信息不全，多次联系反映人无法核实", "经现场核实，反映情况不存在");
    private static final List<String> RETURNS = List.of("不属于本部门职责，请重新派遣", "权属不清，建议改派属地主管部门",
            "经核实应由其他部门处置，申请退回");
    private static final List<String> POSTPONES = List.of("涉及多个部门协调，申请延期", "需等待第三方检测结果，申请延期",
            "整改工程需要施工周期，申请延期", "当事人外出，待其返回后处理，申请延期");
    private static final List<String> PROGRESS = List.of("已安排人员到现场查看", "已约谈相关责任人，限期整改",
            "正在协调相关部门共同处置", "已制定整改方案，正在实施");
    private static final List<String> REWORKS = List.of("现场复核仍未整改到位", "反映人称问题反复出现，需彻底处理",
            "处置照片不清晰，请补充现场照片并完善处置");
    private static final List<String> FEEDBACK_CM = List.of("已组织人员现场清理完毕", "已责令当事人整改，复查已整改到位",
            "已联合执法，现场已恢复原状", "已维修完毕，恢复正常使用");
    private static final List<String> FEEDBACK_LS = List.of("已上门走访并协调解决", "已联系供水供电单位修复",
            "已为当事人办理相关手续", "已协调物业落实整改");
    private static final List<String> FEEDBACK_CG = List.of("已组织双方调解，达成一致意见", "已会同派出所现场处置，隐患已消除",
            "已落实网格员定期走访，情况稳定", "已联合检查并督促整改完毕");

    private HistoryTexts() {
    }

    static String spot(SplittableRandom r) {
        return pick(r, SPOTS);
    }

    static String title(CategoryDefinition category, String place) {
        return category.name() + "（" + place + "）";
    }

    static String description(CategoryDefinition category, String place, String source, SplittableRandom r) {
        return source + "反映：" + place + "存在" + category.name() + "问题，" + pick(r, ASKS) + "。";
    }

    /** An invented reporter: surname, 先生/女士 and the demo mark, e.g. {@code 王女士（演示）}. */
    static String reporterName(SplittableRandom r) {
        return pick(r, SURNAMES) + (r.nextBoolean() ? "先生" : "女士") + DEMO_MARK;
    }

    /** A phone number no one has: {@code 000-0000-nnnn}. */
    static String reporterPhone(SplittableRandom r) {
        return String.format("000-0000-%04d", r.nextInt(10_000));
    }

    static String reject(SplittableRandom r) {
        return pick(r, REJECTS);
    }

    static String returned(SplittableRandom r) {
        return pick(r, RETURNS);
    }

    static String postpone(SplittableRandom r) {
        return pick(r, POSTPONES);
    }

    static String progress(SplittableRandom r) {
        return pick(r, PROGRESS);
    }

    static String rework(SplittableRandom r) {
        return pick(r, REWORKS);
    }

    static String feedback(CategoryDefinition category, SplittableRandom r) {
        return switch (category.family()) {
            case CITY_MANAGEMENT -> pick(r, FEEDBACK_CM);
            case LIVELIHOOD -> pick(r, FEEDBACK_LS);
            case COMPREHENSIVE_GOVERNANCE -> pick(r, FEEDBACK_CG);
        };
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
