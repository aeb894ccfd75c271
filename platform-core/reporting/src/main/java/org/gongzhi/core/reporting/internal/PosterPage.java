package org.gongzhi.core.reporting.internal;

import java.awt.Color;

import org.gongzhi.core.reporting.Poster;

import com.google.zxing.WriterException;
import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * The layout of one A4 poster, top to bottom: a red band with the headline and the district, the
 * grid's name (large) and its path, the QR code in a red frame with the URL under it, the
 * numbered instructions, the footer. Coordinates are PDF points from the lower-left corner.
 */
final class PosterPage {

    /** The two weights of Noto Sans SC. */
    record Fonts(BaseFont regular, BaseFont bold) {
    }

    static final float WIDTH = 595.28f;
    static final float HEIGHT = 841.89f;
    private static final float MARGIN = 56;
    private static final float BAND = 136;
    /** The QR code with its quiet zone: 110 mm, readable by a phone from about a metre. */
    static final float QR_SIZE = 311.8f;
    private static final float FOOTER_Y = 34;
    private static final String PATH_SEPARATOR = " › ";

    private static final Color RED = new Color(0xC8, 0x10, 0x2E);
    private static final Color INK = new Color(0x1F, 0x1F, 0x1F);
    private static final Color GREY = new Color(0x59, 0x59, 0x59);

    private PosterPage() {
    }

    static void draw(PdfContentByte canvas, Fonts fonts, Poster poster) throws DocumentException, WriterException {
        QrCode qr = QrCode.of(poster.url());
        band(canvas, fonts, poster);

        float y = HEIGHT - BAND - 22;
        y = text(canvas, poster.gridName(), new Font(fonts.bold(), 30, Font.NORMAL, INK), y, 38, MARGIN, WIDTH - MARGIN);
        if (!poster.path().isEmpty()) {
            y = text(canvas, String.join(PATH_SEPARATOR, poster.path()), new Font(fonts.regular(), 14, Font.NORMAL, GREY),
                    y - 4, 20, MARGIN, WIDTH - MARGIN);
        }

        float qrTop = y - 18;
        float qrLeft = (WIDTH - QR_SIZE) / 2;
        qr.draw(canvas, qrLeft, qrTop - QR_SIZE, QR_SIZE);
        frame(canvas, qrLeft, qrTop - QR_SIZE, QR_SIZE);
        y = text(canvas, poster.url(), new Font(fonts.regular(), 9, Font.NORMAL, GREY), qrTop - QR_SIZE - 6, 12,
                MARGIN, WIDTH - MARGIN);

        instructions(canvas, fonts, poster, y - 18);
        if (poster.footer() != null && !poster.footer().isBlank()) {
            text(canvas, poster.footer(), new Font(fonts.regular(), 10, Font.NORMAL, GREY), FOOTER_Y + 12, 12,
                    MARGIN, WIDTH - MARGIN);
        }
    }

    private static void band(PdfContentByte canvas, Fonts fonts, Poster poster) throws DocumentException {
        canvas.saveState();
        canvas.setColorFill(RED);
        canvas.rectangle(0, HEIGHT - BAND, WIDTH, BAND);
        canvas.fill();
        canvas.restoreState();
        float y = text(canvas, poster.title(), new Font(fonts.bold(), 40, Font.NORMAL, Color.WHITE), HEIGHT - 20, 50,
                MARGIN, WIDTH - MARGIN);
        text(canvas, poster.district(), new Font(fonts.regular(), 20, Font.NORMAL, Color.WHITE), y - 6, 28,
                MARGIN, WIDTH - MARGIN);
    }

    /** A red rounded frame just outside the quiet zone, so the white around the code stays white. */
    private static void frame(PdfContentByte canvas, float x, float y, float size) {
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(2.5f);
        canvas.roundRectangle(x - 4, y - 4, size + 8, size + 8, 12);
        canvas.stroke();
        canvas.restoreState();
    }

    private static void instructions(PdfContentByte canvas, Fonts fonts, Poster poster, float top) throws DocumentException {
        if (poster.instructions().isEmpty()) {
            return;
        }
        Font font = new Font(fonts.regular(), 16, Font.NORMAL, INK);
        Font number = new Font(fonts.bold(), 16, Font.NORMAL, RED);
        float left = MARGIN + 24;
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(left, FOOTER_Y + 24, WIDTH - MARGIN - 24, top);
        for (int i = 0; i < poster.instructions().size(); i++) {
            String label = (i + 1) + ". ";
            float indent = fonts.bold().getWidthPoint(label, 16);
            Paragraph step = new Paragraph(24, new Chunk(label, number));
            step.add(new Chunk(poster.instructions().get(i), font));
            step.setIndentationLeft(indent);
            step.setFirstLineIndent(-indent);
            step.setSpacingAfter(6);
            column.addElement(step);
        }
        column.go();
    }

    /**
     * Writes centred text in a column from {@code top} down, wrapping as needed.
     *
     * @return the baseline of its last line
     */
    private static float text(PdfContentByte canvas, String text, Font font, float top, float leading, float left,
                              float right) throws DocumentException {
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(new Phrase(leading, text, font), left, FOOTER_Y, right, top, leading, Element.ALIGN_CENTER);
        column.go();
        return column.getYLine();
    }
}
