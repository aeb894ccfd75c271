package org.gongzhi.core.hotline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineRowResult.Outcome;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;

/** XML and JSON batches: structure, names, encodings, and the refusal of broken or unsafe documents. */
public class XmlJsonBatchTest {

    static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tickets batch="20260310">
              <ticket>
                <工单编号>DH2026031000001</工单编号>
                <受理时间>2026-03-10 09:15:00</受理时间>
                <诉求内容><![CDATA[叠山路沿街有店铺把桌椅摆到人行道上经营。]]></诉求内容>
                <诉求分类>城市管理/占道经营</诉求分类>
                <街道>公园街道</街道>
                <社区>叠山路社区</社区>
                <attachments><url>https://files.example.cn/1.jpg</url><url>https://files.example.cn/2.jpg</url></attachments>
                <办理状态>待办</办理状态>
              </ticket>
              <!-- a comment between tickets -->
              <ticket>
                <ticketNumber>DH2026031000002</ticketNumber>
                <receivedAt>2026-03-10T10:00:00+08:00</receivedAt>
                <content>Lift broken for two days</content>
                <category>城市管理/乱扔垃圾</category>
                <longitude>115.913</longitude>
                <latitude>28.695</latitude>
              </ticket>
              <summary count="2"/>
            </tickets>
            """;

    private final Fakes.Cases cases = new Fakes.Cases();
    private final HotlineBatchImporter importer = new HotlineBatchImporter(cases, FakeTenantDirectory.of(Fakes.DEMO), CsvBatchTest.CLOCK);

    private HotlineBatchResult xml(byte[] content, Charset declared) {
        return importer.importBatch("donghu", "x", content, HotlineFormat.XML, declared);
    }

    private HotlineBatchResult json(String text) {
        return importer.importBatch("donghu", "j", text.getBytes(StandardCharsets.UTF_8), HotlineFormat.JSON, null);
    }

    @Test
    public void xmlTicketsByElementIndex() {
        HotlineBatchResult r = xml(XML.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.rows()).extracting(HotlineRowResult::row).containsExactly(1, 2);
        assertThat(r.rows()).extracting(HotlineRowResult::outcome).containsExactly(Outcome.CREATED, Outcome.REJECTED);
        assertThat(r.rows().get(1).field()).as("Donghu has no default category").isEqualTo("category");
        assertThat(r.rows().get(1).ticketNumber()).isEqualTo("DH2026031000002");
        var c = cases.reported("donghu", "DH2026031000001");
        assertThat(c.gridCode()).isEqualTo("360102001001");
        assertThat(c.categoryCode()).isEqualTo("CM0401");
        assertThat(c.attachments()).containsExactly("https://files.example.cn/1.jpg", "https://files.example.cn/2.jpg");
    }

    @Test
    public void xmlFollowsItsDeclarationOrTheGivenCharset() {
        Charset gbk = Charset.forName("GBK");
        String declared = XML.replace("encoding=\"UTF-8\"", "encoding=\"GBK\"");
        assertThat(xml(declared.getBytes(gbk), null).created()).isEqualTo(1);
        assertThat(xml(XML.getBytes(gbk), gbk).duplicates()).isEqualTo(1);
    }

    @Test
    public void xmlWithADtdIsRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE tickets [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<tickets><ticket><工单编号>A1</工单编号><诉求内容>&x;</诉求内容></ticket></tickets>";
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> xml(evil.getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.field()).isEqualTo("body");
        assertThat(cases.byKey).isEmpty();
    }

    @Test
    public void brokenXmlIsRefusedWhole() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> xml("<tickets><ticket><工单编号>A1</ticket></tickets>".getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.field()).isEqualTo("body");
        assertThat(e.getMessage()).startsWith("不是格式正确的 XML 文件");
        e = catchThrowableOfType(ValidationException.class,
                () -> xml("工单编号,诉求内容\n1,2\n".getBytes(StandardCharsets.UTF_8), null));
        assertThat(e.field()).isEqualTo("body");
    }

    @Test
    public void jsonArrayOrTicketsObject() {
        String tickets = """
                [{"工单编号":"DH1","受理时间":"2026-03-10 09:15","诉求内容":"垃圾堆积","诉求分类":"城市管理/暴露垃圾",
                  "网格编码":"360102001001001","经度":null,"attachments":["https://files.example.cn/1.jpg"]},
                 {"ticketNumber":"DH2","receivedAt":"2026-03-10 09:20","content":"路灯不亮","category":"市政设施/路灯",
                  "longitude":115.913,"latitude":28.695,"附件":"https://files.example.cn/2.jpg；https://files.example.cn/3.jpg"}]
                """;
        HotlineBatchResult r = json(tickets);
        assertThat(r.created()).isEqualTo(2);
        assertThat(cases.reported("donghu", "DH1").attachments()).hasSize(1);
        assertThat(cases.reported("donghu", "DH2").attachments()).hasSize(2);
        assertThat(cases.reported("donghu", "DH2").gridCode()).isEqualTo("360102001001001");
        assertThat(json("{\"tickets\":" + tickets + "}").duplicates()).isEqualTo(2);
    }

    @Test
    public void brokenJsonIsRefusedWhole() {
        for (String bad : new String[] {"[{\"工单编号\":", "{\"x\":1}", "[1,2]", "[] []"}) {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> json(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.field()).isEqualTo("body");
        }
    }

    @Test
    public void aNestedValueIsRefusedByItsField() {
        HotlineBatchResult r = json("[{\"工单编号\":\"DH3\",\"受理时间\":\"2026-03-10 09:15\",\"诉求内容\":\"x\","
                + "\"诉求分类\":\"城市管理/暴露垃圾\",\"网格编码\":\"360102001001001\",\"经度\":{\"v\":1},\"纬度\":28}]");
        assertThat(r.rows().get(0).field()).isEqualTo("longitude");
    }
}
