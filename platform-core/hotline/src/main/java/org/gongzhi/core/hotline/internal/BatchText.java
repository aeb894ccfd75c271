package org.gongzhi.core.hotline.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.gongzhi.core.service.ValidationException;

/** Bytes of a CSV or JSON batch as text: strict decoding, a leading byte-order mark dropped. */
final class BatchText {

    private BatchText() {
    }

    /**
     * Decodes {@code content} with {@code charset} (UTF-8 when {@code null}).
     *
     * @throws ValidationException ({@code body}) when the bytes are not text in that charset
     */
    static String decode(byte[] content, Charset charset) {
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("body", "文件不是 " + cs.name() + " 编码的文本，请指明字符集（旧系统导出的 CSV 多为 GBK）"
                    + " (the file is not " + cs.name() + " text; give its charset, old hotline systems write GBK)");
        }
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
