package org.gongzhi.plugins.threecolour.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gongzhi.plugin.api.TriageDecision;
import org.junit.Test;

public class JizhouTriageTest {

    private final ThreeColourTriagePolicy policy = new ThreeColourTriagePolicy();

    private TriageDecision decide(String category, String tier) {
        return policy.triage(Facts.of(category, tier)).orElseThrow();
    }

    @Test
    public void simpleCaseIsGreenAndTakesTwoHoursWithTheGridWorker() {
        TriageDecision d = decide("CM0101", "simple");
        assertThat(d.tier()).isEqualTo("simple");
        assertThat(d.dueHours()).isEqualTo(2);
        assertThat(d.dueWorkingDays()).isZero();
        assertThat(d.copyToCompetentDepartment()).isFalse();
        assertThat(d.leadDepartmentKind()).isNull();
        assertThat(d.attributes()).containsEntry("colour", "green").containsEntry("colourLabel", "绿·简易问题")
                .containsEntry("method", "一格八员、一网三色").containsEntry("handling", "网格员自办自结");
    }

    @Test
    public void coordinationCaseIsYellowFiveWorkingDaysAndCopiedToTheCompetentDepartment() {
        TriageDecision d = decide("CG0401", "coordination");
        assertThat(d.tier()).isEqualTo("coordination");
        assertThat(d.dueHours()).isZero();
        assertThat(d.dueWorkingDays()).isEqualTo(5);
        assertThat(d.copyToCompetentDepartment()).isTrue();
        assertThat(d.leadDepartmentKind()).isNull();
        assertThat(d.attributes()).containsEntry("colour", "yellow").containsEntry("colourLabel", "黄·需协调问题");
    }

    @Test
    public void difficultCaseIsRedTenWorkingDaysByDefault() {
        TriageDecision d = decide("LS0404", "difficult");
        assertThat(d.tier()).isEqualTo("difficult");
        assertThat(d.dueWorkingDays()).isEqualTo(10);
        assertThat(d.copyToCompetentDepartment()).isFalse();
        assertThat(d.attributes()).containsEntry("colour", "red").containsEntry("colourLabel", "红·重点难点问题")
                .containsEntry("due", "10个工作日");
    }

    @Test
    public void difficultCategoryOutsideTheTableAlsoGetsTenDays() {
        assertThat(decide("XX9999", "DIFFICULT").dueWorkingDays()).isEqualTo(10);
    }

    @Test
    public void hardestCategoriesGetFifteenWorkingDays() {
        for (String code : new String[] {"CM0301", "CG0103", "CG0105", "CG0603", "CG0604", "LS0405"}) {
            TriageDecision d = decide(code, "difficult");
            assertThat(d.dueWorkingDays()).as(code).isEqualTo(15);
            assertThat(d.attributes()).as(code).containsEntry("due", "15个工作日");
        }
    }

    @Test
    public void keyCategoriesAreEscalatedWhateverTheirDefaultTier() {
        TriageDecision geological = decide("CG0701", "coordination");
        assertThat(geological.tier()).isEqualTo("difficult");
        assertThat(geological.dueWorkingDays()).isEqualTo(10);
        assertThat(geological.attributes()).containsEntry("colour", "red");
        assertThat(decide("cm0301", "simple").tier()).isEqualTo("difficult");
        assertThat(decide("CG0105", null).dueWorkingDays()).isEqualTo(15);
    }

    @Test
    public void ordinaryCategoriesAreNotEscalated() {
        assertThat(decide("CG0104", "coordination").tier()).isEqualTo("coordination");
        assertThat(decide("CG0101", "simple").tier()).isEqualTo("simple");
    }

    @Test
    public void unknownDefaultTierLeavesTheCoreDefaults() {
        assertThat(policy.triage(Facts.of("CM0101", null))).isEmpty();
        assertThat(policy.triage(Facts.of("CM0101", "urgent"))).isEmpty();
        assertThat(JizhouTriage.tierOf(Facts.of("CM0101", "urgent"))).isEmpty();
    }

    @Test
    public void attributesFitTheFortyCharacterLimit() {
        for (String tier : new String[] {"simple", "coordination", "difficult"}) {
            for (Map.Entry<String, String> e : decide("CM0101", tier).attributes().entrySet()) {
                assertThat(e.getKey().length()).isLessThanOrEqualTo(40);
                assertThat(e.getValue().length()).as(e.getKey()).isLessThanOrEqualTo(40);
            }
        }
    }

    @Test
    public void keyTableHoldsTenToFifteenDaysOnly() {
        assertThat(JizhouTriage.KEY_CATEGORIES.values()).allMatch(d -> d == 10 || d == 15);
        assertThat(JizhouTriage.KEY_CATEGORIES.keySet()).allMatch(c -> c.matches("(CM|LS|CG)\\d{4}"));
    }
}
