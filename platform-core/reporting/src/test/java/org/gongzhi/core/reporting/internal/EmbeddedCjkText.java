package org.gongzhi.core.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Test helper: a PDF's text, checking that every glyph is drawn in the embedded Noto Sans SC font. */
final class EmbeddedCjkText {

    private EmbeddedCjkText() {
    }

    /** The document's text; fails unless every glyph is a real glyph (not .notdef) of embedded Noto Sans SC. */
    static String of(PDDocument document) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
                positions.addAll(textPositions);
                super.writeString(text, textPositions);
            }
        };
        String text = stripper.getText(document);
        assertThat(positions).isNotEmpty();
        for (TextPosition position : positions) {
            assertThat(position.getFont().getName()).as("font of %s", position.getUnicode()).contains("NotoSansSC");
            assertThat(position.getFont().isEmbedded()).isTrue();
            // Identity-H: the code is the glyph id; 0 is .notdef, the empty box
            assertThat(position.getCharacterCodes()).as("glyph of %s", position.getUnicode()).doesNotContain(0);
        }
        return text;
    }
}
