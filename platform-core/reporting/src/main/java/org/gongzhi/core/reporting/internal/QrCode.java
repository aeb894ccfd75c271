package org.gongzhi.core.reporting.internal;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * A QR code drawn as vector squares: ZXing chooses version and mask, this class paints the dark
 * modules (runs of a row as one rectangle, all in one path) inside a white quiet zone.
 */
final class QrCode {

    /** Error correction level Q: about 25 % of the code may be soiled or torn and it still reads. */
    static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.Q;
    /** Modules of white around the code, as the standard asks. */
    static final int QUIET_ZONE = 4;

    private final ByteMatrix matrix;

    private QrCode(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    static QrCode of(String text) throws WriterException {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return new QrCode(Encoder.encode(text, LEVEL, hints).getMatrix());
    }

    /** Modules per side, without the quiet zone. */
    int modules() {
        return matrix.getWidth();
    }

    /**
     * Draws the code with its quiet zone into the square with lower-left corner
     * ({@code x}, {@code y}) and side {@code size} (points).
     */
    void draw(PdfContentByte canvas, float x, float y, float size) {
        int n = matrix.getWidth();
        float module = size / (n + 2 * QUIET_ZONE);
        float left = x + QUIET_ZONE * module;
        float top = y + size - QUIET_ZONE * module;
        canvas.saveState();
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(x, y, size, size);
        canvas.fill();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (matrix.get(col, row) != 1) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row) == 1) {
                    col++;
                }
                canvas.rectangle(left + start * module, top - (row + 1) * module, (col - start) * module, module);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
