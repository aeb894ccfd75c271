package org.gongzhi.core.hotline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineRowResult.Outcome;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;

/** CSV batches: header names, charsets, the per-row outcome of a batch with bad rows, replays. */
public class CsvBatchTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-11T02:00:00Z"), ZoneOffset.UTC);
    static final String HEADER = "工单编号,受理时间,来电人,联系电话,标题,诉求内容,诉求分类,地址,街道,社区,网格编码,经度,纬度,附件\n";
    /** Jizhou: two good tickets, then four bad ones, then a good one found by its street and community. */
    static final String BATCH = HEADER
            + "JA2026031000001,2026-03-10 09:15:00,刘女士,13800000001,,阳明小区东门外有人占道卖菜。早晚高峰堵塞人行道,"
            + "市容环境/占道经营,古南街道阳明小区东门,古南街道,阳明社区,,114.927,27.08,https://files.example.cn/a.jpg\n"
            + "JA2026031000002,2026/3/10 10:02,王先生,138****0002,路灯不亮,北门社区中山路路灯连续三晚不亮,"
            + "市政设施/路灯故障,北门街道中山路,,,360802005001001,,,\n"
            + "JA2026031000003,2026-03-10 10:30,张先生,13800000003,噪音,,城乡建设/夜间施工噪音,,,,360802001001001,,,\n"
            + ",2026-03-10 10:40,李女士,13800000004,垃圾,小区垃圾无人清运,市容环境/暴露垃圾,,,,360802001001001,,,\n"
            + "JA2026031000005,昨天下午,赵先生,13800000005,井盖,井盖缺失,市政设施/井盖缺失,,,,360802001001001,,,\n"
            + "JA2026031000006,2026-03-10 11:00,钱女士,13800000006,积水,路面积水,市政设施/下水道堵塞,,,,,200,27.08,\n"
            + "JA2026031000007,2026-03-10 11:20,孙先生,13800000007,电梯,楼道电梯停运两天,住房物业/电梯故障,,樟山镇,樟山村委会,,,,\n";

    private final Fakes.Cases cases = new Fakes.Cases();
    private final HotlineBatchImporter importer = new HotlineBatchImporter(cases, FakeTenantDirectory.of(Fakes.DEMO), CLOCK);

    private HotlineBatchResult csv(String text, Charset encoding, Charset declared) {
        return importer.importBatch("jizhou", "batch-1", text.getBytes(encoding), HotlineFormat.CSV, declared);
    }

    @Test
    public void hotlineBatchWithBadRows() {
        HotlineBatchResult r = csv(BATCH, StandardCharsets.UTF_8, null);
        assertThat(r.batchName()).isEqualTo("batch-1");
        assertThat(r.rows()).extracting(HotlineRowResult::row).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(r.rows()).extracting(HotlineRowResult::outcome).containsExactly(Outcome.CREATED, Outcome.CREATED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.CREATED);
        assertThat(r.rows()).extracting(HotlineRowResult::field)
                .containsExactly(null, null, "content", "ticketNumber", "receivedAt", "longitude", null);
        assertThat(r.rows().get(3).ticketNumber()).isNull();
        assertThat(r.rows().get(2).ticketNumber()).isEqualTo("JA2026031000003");
        assertThat(r.rows().get(4).message()).startsWith("无法识别的受理时间").contains("unreadable received time");
        assertThat(r.created()).isEqualTo(3);
        assertThat(r.duplicates()).isZero();
        assertThat(r.rejected()).isEqualTo(4);
        assertThat(r.rows().get(0).caseId()).isNotNull();
        assertThat(r.rows().get(0).caseNumber()).isNotBlank();

        NewCase first = cases.reported("jizhou", "JA2026031000001");
        assertThat(first.channel()).isEqualTo(org.gongzhi.core.casework.Channel.HOTLINE);
        assertThat(first.idempotencyKey()).isEqualTo("hotline:JA2026031000001");
        assertThat(first.categoryCode()).isEqualTo("CM0401");
        assertThat(first.gridCode()).isEqualTo("360802001001001");
        assertThat(first.title()).isEqualTo("阳明小区东门外有人占道卖菜");
        assertThat(first.description()).startsWith("阳明小区东门外有人占道卖菜。").contains("工单编号 JA2026031000001")
                .contains("受理时间 2026-03-10 09:15").contains("热线分类 市容环境/占道经营");
        assertThat(first.reporterName()).isEqualTo("刘女士");
        assertThat(first.attachments()).containsExactly("https://files.example.cn/a.jpg");
        NewCase second = cases.reported("jizhou", "JA2026031000002");
        assertThat(second.categoryCode()).isEqualTo("CM0604");
        assertThat(second.reporterPhone()).as("a masked number is noted, not kept as the phone").isNull();
        assertThat(second.description()).contains("来电号码 138****0002");
        assertThat(cases.reported("jizhou", "JA2026031000007").gridCode()).as("hotline.yaml place")
                .isEqualTo("360802101201");
    }

    @Test
    public void aReplayedBatchCreatesNothing() {
        csv(BATCH, StandardCharsets.UTF_8, null);
        HotlineBatchResult again = csv(BATCH, StandardCharsets.UTF_8, null);
        assertThat(again.created()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.rejected()).isEqualTo(4);
        assertThat(cases.byKey).hasSize(3);
        assertThat(again.rows().get(0).caseId()).isNotNull();
    }

    @Test
    public void cellsWithNulOrLoneSurrogatesRejectOnlyTheirRow() {
        String csv = HEADER + "JN1,2026-03-10 09:15,张\0三,,,垃圾堆积,市容环境/暴露垃圾,,,,360802001001001,,,\n"
                + "JN3,2026-03-10 09:17,,,,垃圾堆积,市容环境/暴露垃圾,,,,360802001001001,,,\n";
        HotlineBatchResult r = csv(csv, StandardCharsets.UTF_8, null);
        assertThat(r.rows()).extracting(HotlineRowResult::outcome).containsExactly(Outcome.REJECTED, Outcome.CREATED);
        assertThat(r.rows()).extracting(HotlineRowResult::field).containsExactly("callerName", null);
        String json = "[{\"工单编号\":\"JN2\",\"受理时间\":\"2026-03-10 09:16\",\"诉求内容\":\"垃圾\\ud800堆积\","
                + "\"网格编码\":\"360802001001001\",\"诉求分类\":\"市容环境/暴露垃圾\"}]";
        HotlineBatchResult j = importer.importBatch("jizhou", "j", json.getBytes(StandardCharsets.UTF_8), HotlineFormat.JSON, null);
        assertThat(j.rows()).extracting(HotlineRowResult::field).containsExactly("content");
    }

    @Test
    public void theSameTicketTwiceInOneBatchIsADuplicate() {
        String line = "JA1,2026-03-10 09:15,,,,垃圾堆积,市容环境/暴露垃圾,,,,360802001001001,,,\n";
        HotlineBatchResult r = csv(HEADER + line + line, StandardCharsets.UTF_8, null);
        assertThat(r.rows()).extracting(HotlineRowResult::outcome).containsExactly(Outcome.CREATED, Outcome.DUPLICATE);
        assertThat(r.rows().get(1).caseId()).isEqualTo(r.rows().get(0).caseId());
    }

    @Test
    public void utf8WithAByteOrderMark() {
        HotlineBatchResult r = csv("\uFEFF" + BATCH, StandardCharsets.UTF_8, null);
        assertThat(r.created()).isEqualTo(3);
    }

    @Test
    public void gbkWhenDeclared() {
        Charset gbk = Charset.forName("GBK");
        HotlineBatchResult r = csv(BATCH, gbk, gbk);
        assertThat(r.created()).isEqualTo(3);
        assertThat(cases.reported("jizhou", "JA2026031000001").reporterName()).isEqualTo("刘女士");
    }

    @Test
    public void gbkReadAsUtf8IsRefusedWhole() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> csv(BATCH, Charset.forName("GBK"), null));
        assertThat(e.field()).isEqualTo("body");
        assertThat(e.getMessage()).contains("GBK");
        assertThat(cases.byKey).isEmpty();
    }

    @Test
    public void englishHeadersTabsAndUnknownColumns() {
        String tsv = "ticketNumber\treceived_at\tcontent\tcategory\tgrid_code\t办理状态\n"
                + "EN-1\t2026-03-10T09:15:00+08:00\tStreet light out\t市政设施/路灯故障\t360802005001001\t已办结\n";
        HotlineBatchResult r = csv(tsv, StandardCharsets.UTF_8, null);
        assertThat(r.created()).isEqualTo(1);
        assertThat(cases.reported("jizhou", "EN-1").title()).isEqualTo("Street light out");
    }

    @Test
    public void aCombinedStreetCommunityColumn() {
        String text = "工单编号,受理时间,诉求内容,诉求分类,街道/社区\nJA9,2026-03-10 09:15,垃圾,市容环境/暴露垃圾,永叔街道/庐陵社区\n";
        csv(text, StandardCharsets.UTF_8, null);
        assertThat(cases.reported("jizhou", "JA9").gridCode()).as("found in the grid tree by name")
                .isEqualTo("360802002001");
    }

    @Test
    public void aHeaderWithoutTheTicketNumberIsRefusedWhole() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> csv("编号A,诉求内容\n1,2\n", StandardCharsets.UTF_8, null));
        assertThat(e.field()).isEqualTo("ticketNumber");
        e = catchThrowableOfType(ValidationException.class, () -> csv("工单编号,标题\n1,2\n", StandardCharsets.UTF_8, null));
        assertThat(e.field()).isEqualTo("content");
        e = catchThrowableOfType(ValidationException.class,
                () -> csv("工单编号,诉求内容,内容\n1,2,3\n", StandardCharsets.UTF_8, null));
        assertThat(e.field()).isEqualTo("content");
        assertThat(e.getMessage()).contains("重复");
    }

    @Test
    public void brokenCsvIsRefusedWhole() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> csv(HEADER + "JA1,\"2026-03-10 09:15\"x,,,\n", StandardCharsets.UTF_8, null));
        assertThat(e.field()).isEqualTo("body");
        assertThat(e.getMessage()).startsWith("不是有效的 CSV 文件");
        assertThat(cases.byKey).isEmpty();
    }

    @Test
    public void emptyLinesKeepTheRowNumbers() {
        String text = HEADER + "\n" + ",,,,,,,,,,,,,\n"
                + "JA1,2026-03-10 09:15,,,,垃圾堆积,市容环境/暴露垃圾,,,,360802001001001,,,\n";
        HotlineBatchResult r = csv(text, StandardCharsets.UTF_8, null);
        assertThat(r.rows()).extracting(HotlineRowResult::row).containsExactly(2);
    }

    @Test
    public void anUnknownDistrictIsNotFound() {
        assertThatThrownBy(() -> importer.importBatch("atlantis", null, BATCH.getBytes(StandardCharsets.UTF_8),
                HotlineFormat.CSV, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    public void aBatchWithoutNameGetsOne() {
        HotlineBatchResult r = importer.importBatch("jizhou", " ", BATCH.getBytes(StandardCharsets.UTF_8),
                HotlineFormat.CSV, null);
        assertThat(r.batchName()).isEqualTo("hotline-csv-20260311T020000Z");
    }
}
