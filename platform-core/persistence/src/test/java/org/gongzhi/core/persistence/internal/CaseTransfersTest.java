package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.service.evidence.NewEvidence;
import org.gongzhi.core.service.transfer.CaseTransfer;
import org.gongzhi.core.service.transfer.TransferProposal;
import org.gongzhi.core.service.transfer.TransferState;
import org.gongzhi.core.tenant.MatterKind;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * Cross-district transfer (跨区转办, ADR 0037) on a real PostgreSQL: the proposal from the reporter's districts,
 * a refusal that gives the case back, an acceptance that moves it with its journal and attachments in one
 * transaction, and KPIs that count it once.
 */
public class CaseTransfersTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    private static HibernateCaseTransfers transfers() {
        return new HibernateCaseTransfers(FIX.db, FIX.tenants, FIX.clock);
    }

    @Test
    public void aServiceMatterIsProposedToTheResidenceRefusedThenAcceptedWithJournalAndAttachments() {
        HibernateCaseTransfers transfers = transfers();
        Instant from = FIX.clock.instant().minus(Duration.ofDays(1));
        Instant to = FIX.clock.instant().plus(Duration.ofDays(1));
        long jizhouBefore = FIX.kpis.figures("jizhou", from, to).reported();
        long donghuBefore = FIX.kpis.figures("donghu", from, to).reported();

        EvidenceView photo = FIX.evidence.record("jizhou", new NewEvidence("a".repeat(64), "photo", "image/jpeg",
                "image/jpeg", 1234, 640, 480, true, "IMG_0001.jpg", null, null, null), "hotline", "sub-hotline");
        // LS0401 is a service matter (housing and property): it belongs where the reporter lives
        CaseView c = FIX.cases.report("jizhou", new NewCase("小区电梯故障", null, "LS0401", Channel.HOTLINE, null, null,
                "某小区", null, "张三", "13800000000", List.of(photo.reference()), null), "hotline").kase();
        TransferProposal p = transfers.setOrigin("jizhou", c.id(), "donghu", "jiangbei", "centre");
        assertThat(p.matterKind()).isEqualTo(MatterKind.SERVICE);
        assertThat(p.proposedDistrict()).isEqualTo("donghu");
        assertThat(p.pending()).isNull();

        CaseTransfer first = transfers.transfer("jizhou", c.id(), "donghu", "住在东湖", "centre");
        assertThat(first.state()).isEqualTo(TransferState.PENDING);
        assertThat(transfers.proposal("jizhou", c.id()).pending().id()).isEqualTo(first.id());
        assertThatThrownBy(() -> step("jizhou", c.id(), CaseAction.REGISTER)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> transfers.transfer("jizhou", c.id(), "jiangbei", null, "centre"))
                .isInstanceOf(ConflictException.class);
        assertThat(transfers.incoming("donghu", true)).extracting(CaseTransfer::id).contains(first.id());
        assertThatThrownBy(() -> transfers.incoming("jiangbei", first.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> transfers.accept("jiangbei", first.id(), "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> transfers.refuse("donghu", first.id(), " ", "dh-centre"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("reason");

        CaseTransfer refused = transfers.refuse("donghu", first.id(), "不属于本区", "dh-centre");
        assertThat(refused.state()).isEqualTo(TransferState.REFUSED);
        assertThat(refused.reason()).isEqualTo("不属于本区");
        assertThatThrownBy(() -> transfers.accept("donghu", first.id(), "dh-centre"))
                .isInstanceOf(ConflictException.class);
        // back with the sender, who continues
        assertThat(step("jizhou", c.id(), CaseAction.REGISTER).status()).isEqualTo(CaseStatus.REGISTERED);

        CaseTransfer second = transfers.transfer("jizhou", c.id(), "donghu", null, "centre");
        CaseTransfer accepted = transfers.accept("donghu", second.id(), "dh-centre");
        assertThat(accepted.state()).isEqualTo(TransferState.ACCEPTED);
        assertThat(accepted.toCaseNumber()).startsWith("360102-");

        CaseView sent = FIX.cases.get("jizhou", c.id());
        assertThat(sent.status()).isEqualTo(CaseStatus.REJECTED);
        assertThatThrownBy(() -> step("jizhou", c.id(), CaseAction.REOPEN)).isInstanceOf(ConflictException.class);
        CaseView copy = FIX.cases.get("donghu", accepted.toCaseId());
        assertThat(copy.status()).isEqualTo(CaseStatus.REPORTED);
        assertThat(copy.title()).isEqualTo("小区电梯故障");
        assertThatThrownBy(() -> FIX.cases.get("jiangbei", accepted.toCaseId())).isInstanceOf(NotFoundException.class);

        List<JournalEntry> sender = FIX.cases.journal("jizhou", c.id());
        List<JournalEntry> receiver = FIX.cases.journal("donghu", copy.id());
        assertThat(sender).extracting(JournalEntry::note).anyMatch(n -> n != null && n.contains("不属于本区"))
                .anyMatch(n -> n != null && n.contains(accepted.toCaseNumber()));
        assertThat(receiver.subList(0, sender.size() - 1)).extracting(JournalEntry::note)
                .containsExactlyElementsOf(sender.subList(0, sender.size() - 1).stream().map(JournalEntry::note).toList());
        assertThat(receiver.get(receiver.size() - 1).note()).contains(c.number());

        // the attachment is the receiver's own record now, attached to its copy, same stored content
        List<EvidenceView> theirs = FIX.evidence.ofCase("donghu", copy.id());
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).sha256()).isEqualTo(photo.sha256());
        assertThat(copy.attachments()).containsExactly(theirs.get(0).reference());
        assertThat(receiver.get(0).attachments()).containsExactly(theirs.get(0).reference());

        // counted once: in Donghu, which handles it, not in Jizhou
        assertThat(FIX.kpis.figures("jizhou", from, to).reported()).isEqualTo(jizhouBefore);
        assertThat(FIX.kpis.figures("donghu", from, to).reported()).isEqualTo(donghuBefore + 1);
        assertThat(step("donghu", copy.id(), CaseAction.REGISTER).status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(transfers.ofCase("donghu", copy.id())).extracting(CaseTransfer::id).containsExactly(second.id());
        assertThat(transfers.ofCase("jizhou", c.id())).extracting(CaseTransfer::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    public void aRightsMatterGoesToTheHouseholdAndBadDistrictsAreRefusedNamingTheField() {
        HibernateCaseTransfers transfers = transfers();
        CaseView c = FIX.cases.report("jizhou", new NewCase("社保转移", null, "LS0101", Channel.HOTLINE, null, null,
                null, null, null, null, List.of(), null), "hotline").kase();
        assertThat(transfers.setOrigin("jizhou", c.id(), "donghu", "jiangbei", "centre").proposedDistrict())
                .isEqualTo("jiangbei");
        assertThatThrownBy(() -> transfers.setOrigin("jizhou", c.id(), "mars", null, "centre"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("residenceDistrict");
        assertThatThrownBy(() -> transfers.transfer("jizhou", c.id(), "jizhou", null, "centre"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("toDistrict");
        assertThatThrownBy(() -> transfers.transfer("jizhou", UUID.randomUUID(), "donghu", null, "centre"))
                .isInstanceOf(NotFoundException.class);
    }

    private static CaseView step(String tenant, UUID id, CaseAction action) {
        return FIX.cases.transition(tenant, id, new TransitionCommand(action, "centre", "说明", List.of(), null,
                List.of(), null, null, null, null));
    }
}
