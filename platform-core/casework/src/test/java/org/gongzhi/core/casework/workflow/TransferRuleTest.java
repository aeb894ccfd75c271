package org.gongzhi.core.casework.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.MatterKind;
import org.junit.Test;

/** The cross-district rule on the shipped categories (seed 002). */
public class TransferRuleTest {

    private static final Set<String> CITY = Set.of("jizhou", "donghu", "jiangbei");

    private static CategoryDefinition category(String code) {
        return Jizhou.DISTRICT.category(code).orElseThrow();
    }

    @Test
    public void shippedCategoriesCarryTheirKindAndMinorsInheritIt() {
        assertThat(category("LS01").matterKind()).isEqualTo(MatterKind.RIGHTS);
        assertThat(category("LS0101").matterKind()).isEqualTo(MatterKind.RIGHTS);
        assertThat(category("LS0401").matterKind()).isEqualTo(MatterKind.SERVICE);
        assertThat(category("CM0101").matterKind()).isNull();
    }

    @Test
    public void aServiceMatterGoesWhereTheReporterLives() {
        assertThat(TransferRule.target("jizhou", category("LS0401"), "donghu", "jiangbei", CITY)).contains("donghu");
    }

    @Test
    public void aRightsMatterGoesWhereTheHouseholdIsRegistered() {
        assertThat(TransferRule.target("jizhou", category("LS0101"), "donghu", "jiangbei", CITY)).contains("jiangbei");
    }

    @Test
    public void theCaseStaysWithoutKindWithoutTheDistrictOfItsKindOrWhenItIsHere() {
        assertThat(TransferRule.target("jizhou", category("CM0101"), "donghu", "donghu", CITY)).isEmpty();
        assertThat(TransferRule.target("jizhou", category("LS0101"), "donghu", null, CITY)).isEmpty();
        assertThat(TransferRule.target("jizhou", category("LS0401"), null, "donghu", CITY)).isEmpty();
        assertThat(TransferRule.target("jizhou", category("LS0401"), "jizhou", "donghu", CITY)).isEmpty();
        assertThat(TransferRule.target("jizhou", category("LS0401"), "elsewhere", null, CITY)).isEmpty();
    }

    @Test
    public void onlyCasesNotYetDispatchedMove() {
        assertThat(TransferRule.transferable(CaseStatus.REPORTED)).isTrue();
        assertThat(TransferRule.transferable(CaseStatus.REGISTERED)).isTrue();
        assertThat(TransferRule.transferable(CaseStatus.DISPATCHED)).isFalse();
        assertThat(TransferRule.transferable(CaseStatus.CLOSED)).isFalse();
    }

    @Test
    public void districtsAreCheckedNamingTheField() {
        assertThat(TransferRule.checkDistrict("toDistrict", "donghu", "jizhou", CITY)).isEqualTo("donghu");
        assertThatThrownBy(() -> TransferRule.checkDistrict("toDistrict", "jizhou", "jizhou", CITY))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("toDistrict");
        assertThatThrownBy(() -> TransferRule.checkDistrict("toDistrict", " ", "jizhou", CITY))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("toDistrict");
        assertThat(TransferRule.checkOrigin("residenceDistrict", "", CITY)).isNull();
        assertThatThrownBy(() -> TransferRule.checkOrigin("householdDistrict", "mars", CITY))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("householdDistrict");
    }
}
