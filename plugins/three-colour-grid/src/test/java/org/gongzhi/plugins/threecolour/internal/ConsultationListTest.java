package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gongzhi.plugin.api.InvalidInputException;
import org.junit.Test;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

/** The district's consultations as the console lists them: all or one grid's, oldest first, in pages. */
public class ConsultationListTest {

    private static final String OTHER_GRID = "360802001001002";
    private final InMemoryPluginStorage storage = Facts.storage();
    private final ConsultationListResource resource = new ConsultationListResource(storage);

    private void record(String grid, String conclusion, int day) {
        new ConsultationLog(storage.collection(Facts.TENANT, ThreeColourGridModel.ID, ThreeColourGridModel.CONSULTATIONS))
                .record(new ConsultationLog.Consultation(UUID.randomUUID().toString(), grid, LocalDate.of(2026, 11, day),
                        "CG", List.of("ZR"), List.of("王局长"), conclusion, null), Instant.parse("2026-11-10T01:00:00Z"));
    }

    @Test
    public void listsAllOrOneGridOldestFirstInPages() {
        record(Facts.GRID, "第一次", 1);
        record(OTHER_GRID, "第二次", 2);
        record(Facts.GRID, "第三次", 3);

        ConsultationListResource.ConsultationPage all = resource.list(Facts.TENANT, null, null, null);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(m -> m.get("conclusion")).containsExactly("第一次", "第二次", "第三次");
        assertThat(all.items().get(0)).containsKeys("id", "caseId", "gridCode", "date", "leadDepartment",
                "coDepartments", "participants", "recordedAt");

        ConsultationListResource.ConsultationPage grid = resource.list(Facts.TENANT, Facts.GRID, "1", "1");
        assertThat(grid.total()).isEqualTo(2);
        assertThat(grid.items()).extracting(m -> m.get("conclusion")).containsExactly("第三次");
        assertThat(resource.list("donghu", null, null, null).total()).as("another tenant's").isZero();
    }

    @Test
    public void badParametersAreNamed() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> resource.list(Facts.TENANT, "36:08", null, null))
                .field()).isEqualTo("grid");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> resource.list(Facts.TENANT, null, "-1", null))
                .field()).isEqualTo("offset");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> resource.list(Facts.TENANT, null, null, "501"))
                .field()).isEqualTo("limit");
    }
}
