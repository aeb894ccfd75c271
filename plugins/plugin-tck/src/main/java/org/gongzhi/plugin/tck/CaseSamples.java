package org.gongzhi.plugin.tck;

import static org.gongzhi.plugin.tck.FixedPluginTenants.ENABLED_TENANT;
import static org.gongzhi.plugin.tck.FixedPluginTenants.OTHER_TENANT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;

/**
 * Sample cases (样例事件) the contract suite feeds a plugin, also handy in a plugin's own tests:
 * realistic facts over the three families (CM 城市管理, LS 民生服务, CG 综合治理), all three tiers
 * and every intake channel, plus odd ones (unknown category, no grid, no tier, no title), and the
 * closed-loop walks that take one case through every step. Since 1.3 the facts carry the
 * category's family and name and the lead department kind, from {@link SampleDistricts}.
 */
public final class CaseSamples {

    /** Wire names of every step of the closed loop (the actions a guard is asked about). */
    public static final List<String> ACTIONS = List.of("register", "reject", "dispatch", "accept", "return",
            "feedback", "verify-pass", "verify-fail", "postpone", "resume", "close", "evaluate", "reopen");

    private static final List<CaseFacts> FACTS = List.of(
            a("CM0101", "simple", "360802001001001", "grid-worker", "小区门口垃圾堆积", "2026-03-02T01:15:00Z"),
            a("CM0102", "coordination", "360802001001002", "hotline", "巷道积存建筑渣土无人清运", "2026-03-02T02:40:00Z"),
            a("CM0105", "coordination", "360802001002001", "resident-app", "沿街烧烤店油烟扰民", "2026-03-02T12:05:00Z"),
            a("CM0201", "simple", "36080200100100101", "qr-code", "楼道张贴非法小广告", "2026-03-03T00:30:00Z"),
            a("CM0204", "coordination", "360802001001", "hotline", "商铺招牌松动有坠落风险", "2026-03-03T03:10:00Z"),
            a("CM0301", "difficult", "360802001", "department", "楼顶违法搭建彩钢房", "2026-03-03T06:00:00Z"),
            a("CM0302", "coordination", "360802001001003", "hotline", "工地夜间施工噪声扰民", "2026-03-03T15:40:00Z"),
            a("CM0401", "simple", "360802001001001", "grid-worker", "人行道占道经营水果摊", "2026-03-04T01:00:00Z"),
            a("CM0405", "coordination", "360802001002001", "video", "机动车占用消防通道停放", "2026-03-04T11:20:00Z"),
            a("CM0602", "coordination", "360802001001002", "resident-app", "井盖缺失存在安全隐患", "2026-03-07T02:00:00Z"),
            a("CM0604", "coordination", "360802001001001", "open311", "路灯连续三晚不亮", "2026-03-08T13:30:00Z"),
            a("LS0101", "simple", "360802001001003", "hotline", "咨询灵活就业人员社保缴费", "2026-03-09T01:45:00Z"),
            a("LS0103", "coordination", "360802001002001", "grid-worker", "独居困难老人申请临时救助", "2026-03-09T06:10:00Z"),
            a("LS0202", "coordination", "360802001", "hotline", "社区卫生服务站服务态度投诉", "2026-03-10T07:00:00Z"),
            a("LS0301", "simple", "360802001001002", "qr-code", "咨询秋季入学报名材料", "2026-03-10T08:30:00Z"),
            a("LS0403", "coordination", "36080200100100102", "resident-app", "电梯停运有人被困", "2026-03-11T10:05:00Z"),
            a("LS0404", "difficult", "360802001001001", "grid-worker", "老旧危房墙体开裂", "2026-03-12T02:20:00Z"),
            a("LS0503", "coordination", "360802001002", "hotline", "片区停电超过四小时", "2026-03-12T14:50:00Z"),
            a("LS0601", "simple", "360802001001003", "grid-worker", "独居老人关爱探访", "2026-03-13T01:00:00Z"),
            a("CG0101", "simple", "360802001001001", "grid-worker", "邻里因楼上漏水发生纠纷", "2026-03-14T03:00:00Z"),
            a("CG0104", "coordination", "360802001001002", "hotline", "装修工人讨要工资", "2026-03-15T05:30:00Z"),
            a("CG0105", "difficult", "360802001", "department", "工地二十余名工人被欠薪", "2026-03-16T02:00:00Z"),
            a("CG0302", "simple", "36080200100100103", "video", "电动自行车楼道违规充电", "2026-03-16T13:15:00Z"),
            a("CG0304", "difficult", "360802001002001", "grid-worker", "三合一场所有人住宿", "2026-03-17T08:00:00Z"),
            a("CG0602", "difficult", "360802", "department", "重复信访与越级上访风险", "2026-03-18T01:30:00Z"),
            a("CG0703", "coordination", "360802001001001", "hotline", "暴雨后山体出现裂缝", "2026-10-01T04:00:00Z"),
            // odd ones: what a policy must survive without throwing
            a("ZZ9999", null, null, null, null, "2026-03-19T02:00:00Z"),
            a("CM0101", "simple", null, "unknown-channel", "", "2019-01-01T00:00:00Z"),
            a("CG0101", "simple", "360802001001001", "grid-worker", "长".repeat(300), "2026-12-31T15:59:59Z"),
            // a tenant that did not enable the model under test
            b("CM0101", "simple", "500105001001001", "grid-worker", "小区门口垃圾堆积", "2026-03-02T01:15:00Z"),
            b("CG0301", "coordination", "500105001001002", "hotline", "消防通道被杂物堵塞", "2026-03-05T03:00:00Z"),
            b("CM0301", "difficult", "500105001", "department", "违法建设", "2026-03-06T06:00:00Z"));

    private CaseSamples() {
    }

    /** All sample facts, of both contract tenants. */
    public static List<CaseFacts> facts() {
        return FACTS;
    }

    /** The sample facts of one tenant ({@value FixedPluginTenants#ENABLED_TENANT} or {@value FixedPluginTenants#OTHER_TENANT}). */
    public static List<CaseFacts> facts(String tenantId) {
        return FACTS.stream().filter(f -> f.tenantId().equals(tenantId)).toList();
    }

    /** A stable case id for sample {@code facts} (a UUID string). */
    public static String caseIdOf(CaseFacts facts, int walk) {
        String key = "tck:" + facts.tenantId() + ":" + FACTS.indexOf(facts) + ":" + facts.caseNumber() + ":" + walk;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Two cases of these facts that together take every step of the loop once or more: the first is
     * registered, returned, postponed, reworked, closed, reopened, evaluated, rejected and reopened;
     * the second is rejected at intake, reopened and closed. Events are in order, one minute apart,
     * the first of each case is {@code report} with a null {@code from}.
     */
    public static List<CaseEvent> walks(CaseFacts facts) {
        List<CaseEvent> out = new ArrayList<>(walk(facts, caseIdOf(facts, 1), "reported",
                "register registered", "dispatch dispatched", "return registered", "dispatch dispatched",
                "postpone postponed", "resume handling", "return registered", "dispatch dispatched",
                "accept handling", "postpone postponed", "resume handling", "feedback feedback",
                "verify-fail handling", "feedback feedback", "verify-pass verified", "close closed",
                "reopen registered", "dispatch dispatched", "accept handling", "feedback feedback",
                "verify-pass verified", "close closed", "evaluate evaluated", "reopen registered",
                "reject rejected", "reopen registered"));
        out.addAll(walk(facts, caseIdOf(facts, 2), "reported", "reject rejected", "reopen registered",
                "dispatch dispatched", "accept handling", "feedback feedback", "verify-pass verified",
                "close closed"));
        return out;
    }

    private static List<CaseEvent> walk(CaseFacts facts, String caseId, String first, String... steps) {
        List<CaseEvent> out = new ArrayList<>();
        Instant at = facts.reportedAt();
        out.add(new CaseEvent(facts, caseId, "report", null, first, "tck-reporter", at));
        String from = first;
        for (String step : steps) {
            String[] actionTo = step.split(" ");
            at = at.plusSeconds(60);
            out.add(new CaseEvent(facts, caseId, actionTo[0], from, actionTo[1], "tck-operator", at));
            from = actionTo[1];
        }
        return out;
    }

    private static CaseFacts a(String category, String tier, String grid, String channel, String title, String at) {
        return facts(ENABLED_TENANT, category, tier, grid, channel, title, at);
    }

    private static CaseFacts b(String category, String tier, String grid, String channel, String title, String at) {
        return facts(OTHER_TENANT, category, tier, grid, channel, title, at);
    }

    private static CaseFacts facts(String tenant, String category, String tier, String grid, String channel,
                                   String title, String at) {
        Instant reportedAt = Instant.parse(at);
        String number = title == null ? null : tenant.toUpperCase(Locale.ROOT) + "-" + category + "-" + reportedAt.getEpochSecond();
        // as the core gives them since API 1.3: the category's family and name, and before a dispatch
        // the kind of department the category goes to; all null for a code the district lacks
        java.util.Optional<org.gongzhi.plugin.api.DistrictCategory> c = SampleDistricts.category(category);
        return new CaseFacts(tenant, number, category, tier, grid, channel, title, reportedAt,
                c.map(org.gongzhi.plugin.api.DistrictCategory::family).orElse(null),
                c.map(org.gongzhi.plugin.api.DistrictCategory::name).orElse(null),
                c.map(org.gongzhi.plugin.api.DistrictCategory::departmentKind).orElse(null));
    }
}
