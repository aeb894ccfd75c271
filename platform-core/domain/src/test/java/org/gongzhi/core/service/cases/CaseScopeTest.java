package org.gongzhi.core.service.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.junit.Test;

public class CaseScopeTest {

    private static CaseView kase(boolean publicCase) {
        return new CaseView(UUID.randomUUID(), "360802-20261122-000001", "jizhou", "路灯不亮", null, "CM0101", "CITY",
                Channel.HOTLINE, CaseStatus.REPORTED, SlaTier.SIMPLE, null, null, null, null, "张三", "13800000000", List.of(),
                null, List.of(), Instant.EPOCH, null, null, null, null, null, 0, 0, null, 1, Set.of(), null, Map.of(),
                null, "zhang@example.cn", null, publicCase);
    }

    @Test
    public void publicOnlySeesThePublicCasesOnly() {
        CaseScope scope = CaseScope.publicOnly();
        assertThat(scope.isEmpty()).isFalse();
        assertThat(scope.wholeDistrict()).isFalse();
        assertThat(scope.permits(kase(true), null)).isTrue();
        assertThat(scope.permits(kase(false), null)).isFalse();
    }

    @Test
    public void otherScopesDoNotSeePublicCasesUnlessWidened() {
        assertThat(CaseScope.nothing().permits(kase(true), null)).isFalse();
        assertThat(CaseScope.nothing().withReporter("sub-1").permits(kase(true), null)).isFalse();
        assertThat(CaseScope.publicOnly().withReporter("sub-1").publicCases()).isTrue();
        assertThat(new CaseScope(false, Set.of(), null, "sub-1").publicCases()).isFalse();
        assertThat(CaseScope.district().permits(kase(false), null)).isTrue();
    }
}
