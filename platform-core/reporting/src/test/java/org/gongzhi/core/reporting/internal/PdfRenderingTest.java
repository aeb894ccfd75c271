package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongzhi.core.reporting.ReportDocument;
import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.reporting.ReportFormat;
import org.junit.BeforeClass;
import org.junit.Test;

public class PdfRenderingTest {

    private static byte[] pdf;

    @BeforeClass
    public static void render() throws IOException {
        pdf = RendererHolder.renderer().render(SampleReports.monthly(), ReportFormat.PDF);
        Path out = Path.of("target", "test-reports-output");
        Files.createDirectories(out);
        Files.write(out.resolve("monthly.pdf"), pdf);
    }

    @Test
    public void headingsAndFiguresAreText() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(SampleReports.TITLE)
                    .contains("吉州区社会治理综合服务中心")
                    .contains("吉安市吉州区 · 2026年11月")
                    .contains(SampleReports.CASES_HEADING)
                    .contains("1. Cases received and closed")
                    .contains("街道（乡镇）", "结案率", "按期结案率")
                    .contains("古南街道", "1,204", "1,114", "92.5%", "90.1%", "3.25")
                    .contains("兴桥镇", "99.3%")
                    .contains("第 1 页 / 共 " + document.getNumberOfPages() + " 页")
                    .contains("生成时间：2026年12月1日 09:30")
                    .doesNotContain("□", "\uFFFD");
        }
    }

    @Test
    public void everyGlyphIsInTheEmbeddedChineseFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            EmbeddedCjkText.of(document);
        }
    }

    @Test
    public void fontsAreNotoSansScAndEmbedded() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Set<String> names = new HashSet<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    names.add(font.getName());
                    assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
                }
            }
            assertThat(names).isNotEmpty().allMatch(n -> n.contains("NotoSansSC"), "all fonts are NotoSansSC");
            assertThat(names).anyMatch(n -> n.contains("Bold"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(SampleReports.TITLE);
        }
    }

    @Test
    public void sectionWithoutDataStillPrints() throws IOException {
        ReportDocument document = new ReportDocument("吉州区 2026年上半年 综治工作通报", "2026年上半年", SampleReports.GENERATED_AT,
                List.of(new Section(SampleReports.EMPTY_HEADING, null, List.of("本期无数据"), null, null),
                        new Section("四、其他", null, List.of(), null, null)));
        byte[] file = RendererHolder.renderer().render(document, ReportFormat.PDF);
        try (PDDocument pdfDocument = Loader.loadPDF(file)) {
            assertThat(new PDFTextStripper().getText(pdfDocument))
                    .contains("吉州区 2026年上半年 综治工作通报", SampleReports.EMPTY_HEADING, "本期无数据", "四、其他");
        }
    }

    @Test
    public void documentWithoutSectionsHasItsTitlePage() throws IOException {
        byte[] file = RendererHolder.renderer().render(
                new ReportDocument("空报表", null, SampleReports.GENERATED_AT, List.of()), ReportFormat.PDF);
        try (PDDocument pdfDocument = Loader.loadPDF(file)) {
            assertThat(pdfDocument.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdfDocument)).contains("空报表");
        }
    }
}
