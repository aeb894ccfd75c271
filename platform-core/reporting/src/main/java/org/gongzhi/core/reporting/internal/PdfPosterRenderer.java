package org.gongzhi.core.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import org.gongzhi.core.reporting.Poster;
import org.gongzhi.core.reporting.PosterRenderer;
import org.gongzhi.core.reporting.ReportRenderingException;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The {@link PosterRenderer} service: OpenPDF (the PDF library Jasper already brings into this
 * bundle) draws each page directly, ZXing encodes the QR code. The Noto Sans SC fonts are loaded
 * on the first call and shared with Jasper through OpenPDF's font cache (same file names, so the
 * 10 MB font is held once).
 */
@Component(service = PosterRenderer.class)
public final class PdfPosterRenderer implements PosterRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PdfPosterRenderer.class);
    static final String REGULAR = "fonts/NotoSansSC_400Regular.ttf";
    static final String BOLD = "fonts/NotoSansSC_700Bold.ttf";

    private volatile PosterPage.Fonts fonts;

    @Override
    public byte[] render(List<Poster> posters) {
        Objects.requireNonNull(posters, "posters");
        if (posters.isEmpty()) {
            throw new IllegalArgumentException("no posters to render");
        }
        long start = System.nanoTime();
        try {
            byte[] pdf = write(fonts(), posters);
            LOG.debug("Rendered {} posters ({} bytes) in {} ms", posters.size(), pdf.length,
                    (System.nanoTime() - start) / 1_000_000);
            return pdf;
        } catch (WriterException | RuntimeException e) { // OpenPDF's DocumentException is a RuntimeException
            throw new ReportRenderingException("cannot render " + posters.size() + " posters", e);
        }
    }

    private static byte[] write(PosterPage.Fonts fonts, List<Poster> posters) throws DocumentException, WriterException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024 + posters.size() * 8 * 1024);
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setFullCompression();
        Poster first = posters.get(0);
        document.addTitle(first.title() + " · " + first.district());
        document.addSubject(posters.size() == 1 ? first.gridName() : first.district() + " " + posters.size() + " 个网格");
        document.addAuthor("共治 Gongzhi");
        document.addCreator("共治 Gongzhi");
        document.open();
        try {
            for (int i = 0; i < posters.size(); i++) {
                if (i > 0) {
                    document.newPage();
                }
                PosterPage.draw(writer.getDirectContent(), fonts, posters.get(i));
            }
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PosterPage.Fonts fonts() {
        PosterPage.Fonts f = fonts;
        if (f == null) {
            synchronized (this) {
                f = fonts;
                if (f == null) {
                    long start = System.nanoTime();
                    f = new PosterPage.Fonts(font(REGULAR), font(BOLD));
                    fonts = f;
                    LOG.info("Poster fonts loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return f;
    }

    /** Identity-H, embedded as a subset; cached under the name Jasper's PDF exporter uses for the same file. */
    private static BaseFont font(String name) {
        try (InputStream in = PdfPosterRenderer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in the bundle");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
