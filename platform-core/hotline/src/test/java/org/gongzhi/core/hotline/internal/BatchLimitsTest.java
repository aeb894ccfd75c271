package org.gongzhi.core.hotline.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.Test;

/** The limits of a batch are checked before any ticket becomes a case. */
public class BatchLimitsTest {

    private final Fakes.Cases cases = new Fakes.Cases();
    private final HotlineBatchImporter importer = new HotlineBatchImporter(cases, FakeTenantDirectory.of(Fakes.DEMO), CsvBatchTest.CLOCK);

    private void batch(String text, HotlineFormat format) {
        importer.importBatch("jizhou", null, text.getBytes(StandardCharsets.UTF_8), format, null);
    }

    @Test
    public void tooManyRows() {
        StringBuilder csv = new StringBuilder(CsvBatchTest.HEADER);
        StringBuilder json = new StringBuilder("[");
        StringBuilder xml = new StringBuilder("<tickets>");
        for (int i = 0; i <= HotlineIntake.MAX_ROWS; i++) {
            csv.append("JA").append(i).append(",2026-03-10 09:15,,,,垃圾,市容环境/暴露垃圾,,,,360802001001001,,,\n");
            json.append(i == 0 ? "" : ",").append("{\"工单编号\":\"JA").append(i).append("\"}");
            xml.append("<ticket><工单编号>JA").append(i).append("</工单编号></ticket>");
        }
        assertThatThrownBy(() -> batch(csv.toString(), HotlineFormat.CSV)).isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("5000");
        assertThatThrownBy(() -> batch(json + "]", HotlineFormat.JSON)).isInstanceOf(BatchTooLargeException.class);
        assertThatThrownBy(() -> batch(xml + "</tickets>", HotlineFormat.XML)).isInstanceOf(BatchTooLargeException.class);
        org.assertj.core.api.Assertions.assertThat(cases.byKey).isEmpty();
    }

    @Test
    public void tooManyBytes() {
        byte[] big = new byte[HotlineIntake.MAX_BYTES + 1];
        assertThatThrownBy(() -> importer.importBatch("jizhou", null, big, HotlineFormat.CSV, null))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("5 MiB");
    }

    @Test
    public void emptyOrWithoutFormat() {
        assertThatThrownBy(() -> batch("", HotlineFormat.CSV)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("批次为空");
        assertThatThrownBy(() -> batch("a", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("format");
    }
}
