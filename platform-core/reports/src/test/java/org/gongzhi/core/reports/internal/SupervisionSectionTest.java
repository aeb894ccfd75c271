package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.junit.Test;

public class SupervisionSectionTest {

    private static final Instant FROM = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T16:00:00Z");

    private static KpiFigures figures() {
        return new KpiFigures("donghu", FROM, TO, 10, 10, 5, 4, 3, 4, 1, 0, 2, 0.8, 0.6, 0.25, 0.0, 20.0, 30.0, 1.0,
                4.5, 0, 0.0, null, 6, 1);
    }

    @Test
    public void aPeriodWithoutSupervisionSaysSo() {
        Section s = SupervisionSection.build("七", figures());
        assertThat(s.headingZh()).isEqualTo("七、督办情况");
        assertThat(s.paragraphs()).containsExactly("本期未发出催办、督办，也无到期的督办件。");
        assertThat(s.table()).isNull();
    }

    @Test
    public void theRateAndTheLateOrdersAreReported() {
        Section s = SupervisionSection.build("七", figures().withSupervision(12, 5, 1, 4, 3));
        assertThat(s.paragraphs().get(0)).isEqualTo("本期自动催办 12 次，督办（含挂牌督办）4 件，提级至市级督办 1 件；"
                + "答复期限在本期的督办件 4 件，按期办结 3 件，督办件按期办结率 75.0%。");
        assertThat(s.paragraphs().get(1)).contains("逾期未办结的督办件 1 件");
        assertThat(s.table().rows()).singleElement().satisfies(r -> {
            assertThat(r.get("due")).isEqualTo(4L);
            assertThat(r.get("rate")).isEqualTo(0.75);
        });
    }
}
