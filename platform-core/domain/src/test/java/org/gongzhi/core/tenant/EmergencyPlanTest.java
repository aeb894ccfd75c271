package org.gongzhi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.calendar.SlaPolicy;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.junit.Test;

public class EmergencyPlanTest {

    private static final Map<SlaTier, Duration> LIMITS = EmergencyPlan.DEFAULT_LIMITS;

    @Test
    public void familiesAreKeptAsWireNamesWhateverTheirSpelling() {
        EmergencyPlan plan = new EmergencyPlan(LIMITS, List.of("COMPREHENSIVE_GOVERNANCE", "City-Management"), List.of());
        assertThat(plan.commandPostCategories()).containsExactly("comprehensive-governance", "city-management");
        assertThat(plan.commandPostFamilies()).containsExactly(CategoryFamily.COMPREHENSIVE_GOVERNANCE,
                CategoryFamily.CITY_MANAGEMENT);
        assertThat(plan.commandPost("CG0703")).isTrue();
        assertThat(plan.commandPost("LS0101")).isFalse();
        assertThat(plan.commandPost(null)).isFalse();
    }

    @Test
    public void duplicatesAndEveryTierAreChecked() {
        assertThatThrownBy(() -> new EmergencyPlan(LIMITS, List.of("CG07", "CG07"), List.of()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new EmergencyPlan(Map.of(SlaTier.SIMPLE, Duration.ofMinutes(5)), List.of(), List.of()))
                .hasMessageContaining("coordination");
        assertThatThrownBy(() -> new EmergencyPlan(Map.of(SlaTier.SIMPLE, Duration.ofMinutes(5),
                SlaTier.COORDINATION, Duration.ofDays(31), SlaTier.DIFFICULT, Duration.ofDays(2)), List.of(), List.of()))
                .hasMessageContaining("30 days");
    }

    @Test
    public void theDefaultPlanNeverLoosensAShortNormalLimit() {
        SlaPolicy tight = new SlaPolicy(Duration.ofMinutes(15), 1, 2, 0.8);
        EmergencyPlan plan = EmergencyPlan.defaults(tight);
        assertThat(plan.limit(SlaTier.SIMPLE)).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.limit(SlaTier.COORDINATION)).isEqualTo(Duration.ofHours(24));
        assertThat(plan.limit(SlaTier.DIFFICULT)).isEqualTo(Duration.ofHours(48));
        assertThat(EmergencyPlan.defaults(SlaPolicy.defaults()).limits()).isEqualTo(LIMITS);
    }

    @Test
    public void aDayShiftCoversItsHoursOnly() {
        EmergencyPlan.Duty day = new EmergencyPlan.Duty("值班调度", "陈静", "0791-8888002", LocalTime.of(8, 30),
                LocalTime.of(17, 30));
        assertThat(day.covers(LocalTime.of(8, 30))).isTrue();
        assertThat(day.covers(LocalTime.of(17, 29))).isTrue();
        assertThat(day.covers(LocalTime.of(17, 30))).isFalse();
        assertThat(day.covers(LocalTime.of(3, 0))).isFalse();
    }

    @Test
    public void theRosterIsNotPrinted() {
        EmergencyPlan plan = new EmergencyPlan(LIMITS, List.of(), List.of(new EmergencyPlan.Duty("带班领导", "王志强",
                "13900001111", LocalTime.of(8, 0), LocalTime.of(8, 0))));
        assertThat(plan.toString()).doesNotContain("13900001111").doesNotContain("王志强").contains("1 posts");
    }
}
