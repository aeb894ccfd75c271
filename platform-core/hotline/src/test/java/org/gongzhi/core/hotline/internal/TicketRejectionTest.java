package org.gongzhi.core.hotline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineRowResult.Outcome;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every reason a single ticket is refused (naming its field), and the mapping of categories and grids. */
public class TicketRejectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fakes.Cases cases = new Fakes.Cases();
    private final HotlineBatchImporter importer = new HotlineBatchImporter(cases, FakeTenantDirectory.of(Fakes.DEMO), CsvBatchTest.CLOCK);

    /** A good Jizhou ticket with {@code changes} applied (a null value removes the field). */
    private HotlineRowResult one(String tenant, Object... changes) throws Exception {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("工单编号", "T" + Math.abs(java.util.Arrays.deepHashCode(changes)));
        t.put("受理时间", "2026-03-10 09:15:00");
        t.put("诉求内容", "阳明小区东门外垃圾堆积");
        t.put("诉求分类", "市容环境/暴露垃圾");
        t.put("网格编码", "360802001001001");
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                t.remove((String) changes[i]);
            } else {
                t.put((String) changes[i], changes[i + 1]);
            }
        }
        HotlineBatchResult r = importer.importBatch(tenant, "t", JSON.writeValueAsBytes(new Object[] {t}),
                HotlineFormat.JSON, StandardCharsets.UTF_8);
        assertThat(r.rows()).hasSize(1);
        return r.rows().get(0);
    }

    private void rejected(String field, String tenant, Object... changes) throws Exception {
        HotlineRowResult r = one(tenant, changes);
        assertThat(r.outcome()).as("%s", java.util.Arrays.toString(changes)).isEqualTo(Outcome.REJECTED);
        assertThat(r.field()).as("%s: %s", java.util.Arrays.toString(changes), r.message()).isEqualTo(field);
        assertThat(r.message()).matches("(?s).*\\p{IsHan}.*\\(.*[a-z].*\\).*");
        assertThat(r.caseId()).isNull();
    }

    private String created(String tenant, String what, Object... changes) throws Exception {
        HotlineRowResult r = one(tenant, changes);
        assertThat(r.outcome()).as("%s: %s", java.util.Arrays.toString(changes), r.message()).isEqualTo(Outcome.CREATED);
        var c = cases.reported(tenant, r.ticketNumber());
        return "grid".equals(what) ? c.gridCode() : c.categoryCode();
    }

    @Test
    public void theGoodTicketIsCreated() throws Exception {
        assertThat(created("jizhou", "category")).isEqualTo("CM0101");
    }

    @Test
    public void ticketNumber() throws Exception {
        rejected("ticketNumber", "jizhou", "工单编号", null);
        rejected("ticketNumber", "jizhou", "工单编号", "工单 001");
        rejected("ticketNumber", "jizhou", "工单编号", "x".repeat(65));
    }

    @Test
    public void content() throws Exception {
        rejected("content", "jizhou", "诉求内容", null);
        rejected("content", "jizhou", "诉求内容", "  ");
        rejected("content", "jizhou", "诉求内容", "长".repeat(TicketMapper.MAX_CONTENT + 1));
    }

    @Test
    public void receivedTime() throws Exception {
        rejected("receivedAt", "jizhou", "受理时间", null);
        rejected("receivedAt", "jizhou", "受理时间", "2026-02-30 09:00");
        rejected("receivedAt", "jizhou", "受理时间", "10/03/2026");
        rejected("receivedAt", "jizhou", "受理时间", "2026-03-12 09:00", "工单编号", "FUTURE");
    }

    @Test
    public void category() throws Exception {
        rejected("category", "donghu", "网格编码", "360102001001001", "诉求分类", "城市管理/乱扔垃圾");
        rejected("category", "donghu", "网格编码", "360102001001001", "诉求分类", null);
        assertThat(created("jizhou", "category", "诉求分类", "城市管理/乱扔垃圾")).as("Jizhou's default")
                .isEqualTo("CG0601");
        assertThat(created("jizhou", "category", "诉求分类", "0105")).as("a hotline code").isEqualTo("CM0401");
        assertThat(created("jizhou", "category", "诉求分类", " 市容环境 ／ 油烟扰民 ")).isEqualTo("CM0105");
        assertThat(created("donghu", "category", "网格编码", "360102001001001", "诉求分类", "LS0403"))
                .as("the district's own leaf code").isEqualTo("LS0403");
        assertThat(created("donghu", "category", "网格编码", "360102001001001", "诉求分类", "其他/电梯故障"))
                .as("the district's own leaf name").isEqualTo("LS0403");
    }

    @Test
    public void grid() throws Exception {
        rejected("gridCode", "jizhou", "网格编码", "360802999");
        rejected("gridCode", "jizhou", "网格编码", null);
        rejected("street", "jizhou", "网格编码", null, "街道", "火星街道");
        rejected("community", "jizhou", "网格编码", null, "街道", "火星街道", "社区", "月亮社区", "经度", 100.0, "纬度", 20.0,
                "工单编号", "MOON");
        rejected("longitude", "jizhou", "网格编码", null, "经度", 100.0, "纬度", 20.0);
        assertThat(created("jizhou", "grid", "网格编码", null, "经度", "114.927", "纬度", "27.08"))
                .isEqualTo("360802001001001");
        assertThat(created("jizhou", "grid", "网格编码", null, "街道", "古南街道办事处")).isEqualTo("360802001");
        assertThat(created("jizhou", "grid", "网格编码", null, "街道", "古南街道", "社区", "月亮社区"))
                .as("the street of the tree when the community is unknown").isEqualTo("360802001");
        assertThat(created("jizhou", "grid", "网格编码", null, "社区", "后河小区")).isEqualTo("360802001001002");
        assertThat(created("jizhou", "grid", "网格编码", null, "社区", "文峰社区")).isEqualTo("360802002002");
    }

    @Test
    public void coordinates() throws Exception {
        rejected("latitude", "jizhou", "经度", 114.927);
        rejected("longitude", "jizhou", "纬度", 27.08);
        rejected("longitude", "jizhou", "经度", "东经114度", "纬度", 27.08);
        rejected("latitude", "jizhou", "经度", 114.927, "纬度", 95);
        rejected("longitude", "jizhou", "经度", 181, "纬度", 27.08);
    }

    @Test
    public void callerAndTitle() throws Exception {
        rejected("callerPhone", "jizhou", "联系电话", "打不通");
        rejected("title", "jizhou", "标题", "长".repeat(201));
        HotlineRowResult masked = one("jizhou", "联系电话", "138****0000");
        assertThat(masked.outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    public void titleFromContent() {
        assertThat(TicketMapper.title(null, "路灯不亮。已经三天了")).isEqualTo("路灯不亮");
        assertThat(TicketMapper.title(null, "长".repeat(40))).isEqualTo("长".repeat(30) + "…");
        assertThat(TicketMapper.title("标题", "内容")).isEqualTo("标题");
    }

    @Test
    public void receivedTimeForms() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant expected = Instant.parse("2026-03-10T01:15:00Z");
        for (String s : new String[] {"2026-03-10 09:15:00", "2026-03-10 09:15", "2026/3/10 9:15", "2026-03-10T09:15",
            "2026年3月10日 09:15", "2026年3月10日9时15分", "20260310091500", "2026-03-10T09:15:00+08:00",
            "2026-03-10T01:15:00Z", "2026-03-10 09:15:00.000"}) {
            assertThat(ReceivedTime.parse(s, shanghai)).as(s).contains(expected);
        }
        assertThat(ReceivedTime.parse("2026-13-10 09:15", shanghai)).isEmpty();
        assertThat(ReceivedTime.parse("明天", shanghai)).isEmpty();
    }
}
