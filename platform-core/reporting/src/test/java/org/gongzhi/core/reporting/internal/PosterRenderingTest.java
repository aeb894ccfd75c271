package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongzhi.core.reporting.Poster;
import org.junit.BeforeClass;
import org.junit.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Renders posters, prints them to pictures with PDFBox and scans the QR codes back with ZXing. */
public class PosterRenderingTest {

    static final String URL = "https://gongzhi.example.cn/report/jizhou/?grid=360802001001001";
    static final List<String> STEPS = List.of("用手机相机或微信扫描上方二维码", "选择问题类别，拍照并简要描述",
            "输入手机号和短信验证码后提交，记下案件编号", "在“我的上报”查看办理进度，办结后请评价");

    private static final PdfPosterRenderer RENDERER = new PdfPosterRenderer();
    private static byte[] single;

    static Poster poster(String grid, String url) {
        return new Poster("扫码上报 · 码上办", "吉州区", grid, List.of("古南街道", "阳明社区", grid), url, STEPS,
                "网格编码 360802001001001 · 共治 Gongzhi");
    }

    @BeforeClass
    public static void render() throws IOException {
        single = RENDERER.render(List.of(poster("阳明小区网格", URL)));
        Path out = Path.of("target", "test-reports-output");
        Files.createDirectories(out);
        Files.write(out.resolve("poster.pdf"), single);
        // a picture to look at (what a printer would make of it, at 100 dpi)
        try (PDDocument document = Loader.loadPDF(single)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.RGB), "png",
                    out.resolve("poster.png").toFile());
        }
    }

    @Test
    public void theCodeScansToExactlyTheUrl() throws Exception {
        try (PDDocument document = Loader.loadPDF(single)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            // A4 portrait
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));
            Result result = scan(document, 0, 150);
            assertThat(result.getText()).isEqualTo(URL);
            assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("Q");
        }
    }

    @Test
    public void theCodeScansFromALowResolutionPrint() throws Exception {
        // 72 dpi: a phone photo of the poster from a distance sees no more than this
        try (PDDocument document = Loader.loadPDF(single)) {
            assertThat(scan(document, 0, 72).getText()).isEqualTo(URL);
        }
    }

    @Test
    public void chineseTextIsTextInTheEmbeddedFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(single)) {
            String text = EmbeddedCjkText.of(document);
            assertThat(text).contains("扫码上报 · 码上办", "吉州区", "阳明小区网格", "古南街道 › 阳明社区 › 阳明小区网格",
                    URL, "1. 用手机相机或微信扫描上方二维码", "4. 在“我的上报”查看办理进度", "网格编码 360802001001001")
                    .doesNotContain("\uFFFD");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("扫码上报 · 码上办 · 吉州区");
        }
    }

    @Test
    public void onePagePerPosterEachWithItsOwnCode() throws Exception {
        List<Poster> posters = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            posters.add(poster("第" + i + "网格", URL.replace("001001001", "00100100" + i)));
        }
        long start = System.nanoTime();
        byte[] pdf = RENDERER.render(posters);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.write(Path.of("target", "test-reports-output", "posters-12.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(12);
            for (int page : new int[] {0, 6, 11}) {
                assertThat(scan(document, page, 100).getText()).isEqualTo(posters.get(page).url());
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                assertThat(stripper.getText(document)).contains(posters.get(page).gridName());
            }
        }
        System.out.printf("12 posters: %d bytes in %d ms%n", pdf.length, millis);
    }

    @Test
    public void aLongNameWrapsAndTheCodeStillScans() throws Exception {
        String name = "阳明社区第一网格（含阳明小区、滨江花园、古南大道东侧沿街商铺及周边老旧小区）";
        byte[] pdf = RENDERER.render(List.of(new Poster("扫码上报 · 码上办", "吉州区", name, null, URL, null, null)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(scan(document, 0, 150).getText()).isEqualTo(URL);
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", "")).contains(name);
        }
    }

    @Test
    public void nothingToRenderIsRefused() {
        assertThatThrownBy(() -> RENDERER.render(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poster("网格", "javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poster(" ", URL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> poster("网格", URL + "x".repeat(Poster.MAX_URL_LENGTH))).isInstanceOf(IllegalArgumentException.class);
    }

    static Result scan(PDDocument document, int page, int dpi) throws IOException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on page " + (page + 1) + " at " + dpi + " dpi", e);
        }
    }
}
