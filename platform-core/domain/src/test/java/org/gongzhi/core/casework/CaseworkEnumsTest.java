package org.gongzhi.core.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.Test;

public class CaseworkEnumsTest {

    @Test
    public void actionWireNames() {
        assertThat(Arrays.stream(CaseAction.values()).map(CaseAction::wireName)).containsExactly(
                "register", "reject", "dispatch", "accept", "return", "feedback", "verify-pass", "verify-fail",
                "postpone", "resume", "close", "evaluate", "reopen", "progress", "comment");
        for (CaseAction a : CaseAction.values()) {
            assertThat(CaseAction.fromWireName(a.wireName())).contains(a);
        }
        assertThat(CaseAction.fromWireName(" Verify-Pass ")).contains(CaseAction.VERIFY_PASS);
        assertThat(CaseAction.fromWireName("verify_pass")).isEmpty();
        assertThat(CaseAction.fromWireName(null)).isEmpty();
        assertThat(CaseAction.DISPATCH.labelZh()).isEqualTo("派遣");
    }

    @Test
    public void channelWireNames() {
        assertThat(Arrays.stream(Channel.values()).map(Channel::wireName)).containsExactly(
                "grid-worker", "resident-app", "qr-code", "hotline", "department", "open311", "video");
        assertThat(Channel.fromWireName("qr-code")).contains(Channel.QR_CODE);
        assertThat(Channel.fromWireName("open311")).contains(Channel.OPEN311);
        assertThat(Channel.fromWireName("fax")).isEmpty();
        assertThat(Channel.fromWireName(" Grid-Worker\t")).as("blanks and letter case ignored").contains(Channel.GRID_WORKER);
        assertThat(Channel.fromWireName("grid-worker\u0000")).as("a control character is not a blank (found by the hostile run)")
                .isEmpty();
        assertThat(Channel.fromWireName("\u0001hotline")).isEmpty();
        assertThat(Channel.RESIDENT_APP.labelZh()).isEqualTo("随手拍");
        assertThat(Channel.QR_CODE.labelZh()).isEqualTo("码上办");
    }

    @Test
    public void onlyOpen311AndConsentingResidentsArePublic() {
        assertThat(Channel.OPEN311.publicAtIntake(false)).isTrue();
        assertThat(Channel.RESIDENT_APP.publicAtIntake(false)).isFalse();
        assertThat(Channel.RESIDENT_APP.publicAtIntake(true)).isTrue();
        assertThat(Channel.QR_CODE.publicAtIntake(true)).isTrue();
        for (Channel c : new Channel[] {Channel.HOTLINE, Channel.GRID_WORKER, Channel.DEPARTMENT, Channel.VIDEO}) {
            assertThat(c.publicAtIntake(true)).as(c.wireName()).isFalse();
        }
    }

    @Test
    public void slaTiers() {
        assertThat(Arrays.stream(SlaTier.values()).map(SlaTier::wireName))
                .containsExactly("simple", "coordination", "difficult");
        assertThat(SlaTier.fromWireName("difficult")).contains(SlaTier.DIFFICULT);
        assertThat(SlaTier.fromWireName("hard")).isEmpty();
        assertThat(SlaTier.SIMPLE.isHourBased()).isTrue();
        assertThat(SlaTier.COORDINATION.isHourBased()).isFalse();
    }

    @Test
    public void categoryFamilyFromCode() {
        assertThat(CategoryFamily.fromCode("CM0101")).contains(CategoryFamily.CITY_MANAGEMENT);
        assertThat(CategoryFamily.fromCode("LS01")).contains(CategoryFamily.LIVELIHOOD);
        assertThat(CategoryFamily.fromCode("CG0203")).contains(CategoryFamily.COMPREHENSIVE_GOVERNANCE);
        assertThat(CategoryFamily.fromCode("XX01")).isEmpty();
        assertThat(CategoryFamily.fromCode("cm01")).isEmpty();
        assertThat(CategoryFamily.fromCode(null)).isEmpty();
        assertThat(CategoryFamily.LIVELIHOOD.prefix()).isEqualTo("LS");
    }
}
