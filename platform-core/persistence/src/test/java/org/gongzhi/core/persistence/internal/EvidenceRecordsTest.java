package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.evidence.NewEvidence;
import org.junit.ClassRule;
import org.junit.Test;

public class EvidenceRecordsTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static final String JIZHOU = "jizhou";
    private static final String DONGHU = "donghu";

    private static EvidenceView upload(String tenant, String actor) {
        String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
        return FIX.evidence.record(tenant, new NewEvidence(sha, "photo", "image/jpeg", "image/jpeg", 1234, 640, 480,
                true, "C:\\相册\\IMG_0001.jpg", null, null, null), actor, "sub-" + actor);
    }

    private static NewCase withPhotos(List<String> attachments) {
        return new NewCase("井盖缺失", null, "CM0101", Channel.GRID_WORKER, 114.927, 27.08, null, null, null, null,
                attachments, null);
    }

    private static TransitionCommand comment(String actor, List<String> attachments) {
        return new TransitionCommand(CaseAction.COMMENT, actor, "现场照片", attachments, null, List.of(), null, null, null,
                null);
    }

    @Test
    public void intakeAndStepsAttachTheirUploadsInJournalOrder() {
        EvidenceView before = upload(JIZHOU, "gw-1");
        assertThat(before.caseId()).isNull();
        assertThat(before.fileName()).isEqualTo("IMG_0001.jpg");
        UUID id = FIX.cases.report(JIZHOU, withPhotos(List.of(before.reference())), "gw-1").kase().id();
        EvidenceView after = upload(JIZHOU, "handler");
        FIX.cases.transition(JIZHOU, id, comment("handler", List.of(after.reference())));

        List<EvidenceView> attached = FIX.evidence.ofCase(JIZHOU, id);
        assertThat(attached).extracting(EvidenceView::id).containsExactly(before.id(), after.id());
        assertThat(attached).extracting(EvidenceView::journalSeq).containsExactly(1, 2);
        assertThat(FIX.cases.journal(JIZHOU, id).get(1).attachments()).containsExactly(after.reference());
    }

    @Test
    public void onlyTheUploaderAttachesAndOnlyToOneCase() {
        EvidenceView photo = upload(JIZHOU, "gw-1");
        UUID id = FIX.cases.report(JIZHOU, withPhotos(List.of()), "gw-1").kase().id();
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, id, comment("someone-else", List.of(photo.reference()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no such evidence of yours");
        FIX.cases.transition(JIZHOU, id, comment("gw-1", List.of(photo.reference())));
        UUID other = FIX.cases.report(JIZHOU, withPhotos(List.of()), "gw-1").kase().id();
        assertThatThrownBy(() -> FIX.cases.transition(JIZHOU, other, comment("gw-1", List.of(photo.reference()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("another case");
        assertThat(FIX.evidence.ofCase(JIZHOU, other)).isEmpty();
    }

    @Test
    public void anotherDistrictsUploadDoesNotExistHere() {
        EvidenceView theirs = upload(DONGHU, "gw-1");
        assertThatThrownBy(() -> FIX.evidence.get(JIZHOU, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FIX.cases.report(JIZHOU, withPhotos(List.of(theirs.reference())), "gw-1"))
                .isInstanceOf(ValidationException.class);
        assertThat(FIX.evidence.get(DONGHU, theirs.id()).caseId()).isNull();
    }

    @Test
    public void malformedReferencesNameTheField() {
        assertThatThrownBy(() -> FIX.cases.report(JIZHOU, withPhotos(List.of("evidence:not-a-uuid")), "gw-1"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "attachments");
    }
}
