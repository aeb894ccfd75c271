package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.reporting.ReportDocument.Section;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.framework.Constants;

/**
 * The order of plugin API 1.3 (guide section 17.4) for report sections when several models and
 * several contributions of one model take part: models by id, within a model highest service
 * ranking first, then oldest registration — whatever order the services arrived in.
 */
public class PluginSectionsTest {

    private static final ReportPeriod NOVEMBER = new ReportPeriod(ReportKind.MONTHLY, 2026, 11);
    private static TenantDefinition jizhou;

    private FakeTenantDirectory directory;
    private PluginSections sections;
    private long nextServiceId = 100;

    @BeforeClass
    public static void read() {
        jizhou = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
    }

    private void start(String... enabled) {
        directory = FakeTenantDirectory.of(jizhou).enable("jizhou", enabled);
        sections = new PluginSections(directory);
    }

    private static ReportContribution named(String heading) {
        return (tenant, kind, from, to) -> List.of(new ReportSection(heading, null, List.of("一段"), null));
    }

    private Map<String, Object> props(String model, Integer ranking) {
        Map<String, Object> p = new HashMap<>();
        p.put(DistrictModel.MODEL_PROPERTY, model);
        p.put(Constants.SERVICE_ID, nextServiceId++);
        if (ranking != null) {
            p.put(Constants.SERVICE_RANKING, ranking);
        }
        return p;
    }

    private List<String> headings() {
        return sections.sections(jizhou, NOVEMBER, 3).stream().map(Section::headingZh).toList();
    }

    @Test
    public void sectionsComeByModelIdThenRankingThenRegistration() {
        start("zeta", "alpha", "beta");
        sections.addContribution(named("zeta-old"), props("zeta", null));
        sections.addContribution(named("alpha-low"), props("alpha", -5));
        sections.addContribution(named("beta-only"), props("beta", 0));
        sections.addContribution(named("alpha-first"), props("alpha", 0));
        sections.addContribution(named("alpha-high"), props("alpha", 10));
        sections.addContribution(named("alpha-second"), props("alpha", null));
        sections.addContribution(named("not-enabled"), props("gamma", 100));

        assertThat(headings()).containsExactly("三、alpha-high", "四、alpha-first", "五、alpha-second", "六、alpha-low",
                "七、beta-only", "八、zeta-old");
    }

    @Test
    public void aContributionThatLeftIsNotAskedAndTheOrderOfTheRestHolds() {
        start("alpha");
        ReportContribution leaving = named("alpha-leaving");
        Map<String, Object> leavingProps = props("alpha", 5);
        sections.addContribution(named("alpha-old"), props("alpha", 0));
        sections.addContribution(leaving, leavingProps);
        sections.addContribution(named("alpha-new"), props("alpha", 0));

        sections.removeContribution(leaving, leavingProps);

        assertThat(headings()).containsExactly("三、alpha-old", "四、alpha-new");
    }

    @Test
    public void aFailingContributionIsLeftOutAndTheOthersStillComeInOrder() {
        start("alpha", "beta");
        sections.addContribution((tenant, kind, from, to) -> {
            throw new IllegalStateException("storage down");
        }, props("alpha", 1));
        sections.addContribution(named("beta-only"), props("beta", 0));
        sections.addContribution(named("alpha-only"), props("alpha", 0));

        assertThat(headings()).containsExactly("三、alpha-only", "四、beta-only");
    }
}
