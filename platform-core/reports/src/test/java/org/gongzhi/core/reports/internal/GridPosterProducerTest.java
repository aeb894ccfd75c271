package org.gongzhi.core.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;

import org.gongzhi.core.reporting.Poster;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.residents.GridPosters;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.gongzhi.core.testing.FakeTenantDirectory;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Which grids get a poster and what each says, on Jizhou's real definition. The drawing itself is
 * tested in gongzhi-reporting ({@code PosterRenderingTest}); here the renderer only records.
 */
public class GridPosterProducerTest {

    private static TenantDefinition jizhou;
    private List<Poster> rendered;

    @BeforeClass
    public static void read() {
        jizhou = new TenantDefinitionReader().read(Path.of("../../tenants/jizhou"));
    }

    private GridPosterProducer producer(String publicUrl) {
        TenantDirectory directory = FakeTenantDirectory.of(jizhou);
        return new GridPosterProducer(directory, posters -> {
            rendered = posters;
            return new byte[] {'%', 'P', 'D', 'F'};
        }, config(publicUrl));
    }

    private static GridPosterProducer.Config config(String publicUrl) {
        return new GridPosterProducer.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return GridPosterProducer.Config.class;
            }

            @Override
            public String publicUrl() {
                return publicUrl;
            }
        };
    }

    @Test
    public void aGridsPosterNamesItsPathAndOpensTheReportingPageWithTheGridPreset() {
        GridPosters.PosterFile file = producer("https://gongzhi.example.cn/").posters("jizhou", "360802001001001", false);
        assertThat(file.fileName()).isEqualTo("posters-jizhou-360802001001001.pdf");
        assertThat(file.pages()).isEqualTo(1);
        assertThat(rendered).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("扫码上报 · 码上办");
            assertThat(p.district()).isEqualTo("吉州区");
            assertThat(p.gridName()).isEqualTo("阳明小区网格");
            assertThat(p.path()).containsExactly("古南街道", "阳明社区", "阳明小区网格");
            assertThat(p.url()).isEqualTo("https://gongzhi.example.cn/report/jizhou/?grid=360802001001001");
            assertThat(p.instructions()).hasSize(4);
            assertThat(p.footer()).isEqualTo("网格编码 360802001001001 · 吉安市吉州区");
        });
    }

    @Test
    public void belowACommunityIsEveryGridAndBuildingUnderItInTreeOrder() {
        GridPosterProducer producer = producer("http://127.0.0.1:8181");
        GridPosters.PosterFile file = producer.posters("jizhou", "360802001001", true);
        List<String> expected = jizhou.grids().descendantCodes("360802001001").subList(1,
                jizhou.grids().descendantCodes("360802001001").size());
        assertThat(expected).isNotEmpty();
        assertThat(file.pages()).isEqualTo(expected.size());
        assertThat(rendered).extracting(Poster::url)
                .containsExactlyElementsOf(expected.stream().map(c -> "http://127.0.0.1:8181/report/jizhou/?grid=" + c).toList());
        assertThat(rendered.get(0).gridName()).isEqualTo("阳明小区网格");
        assertThat(rendered.get(1).path()).containsExactly("古南街道", "阳明社区", "阳明小区网格", "1栋");
        assertThat(file.fileName()).isEqualTo("posters-jizhou-360802001001.pdf");
    }

    @Test
    public void belowALeafIsTheLeafItself() {
        GridPosters.PosterFile file = producer("http://127.0.0.1:8181").posters("jizhou", "36080200100100101", true);
        assertThat(file.pages()).isEqualTo(1);
        assertThat(rendered.get(0).gridName()).isEqualTo("1栋");
    }

    @Test
    public void theWholeDistrictFitsInOneFile() {
        GridPosters.PosterFile file = producer("http://127.0.0.1:8181").posters("jizhou", "360802", true);
        assertThat(file.pages()).isEqualTo(jizhou.grids().size() - 1).isLessThanOrEqualTo(GridPosters.MAX_PAGES);
        assertThat(rendered).noneMatch(p -> p.gridName().equals("吉州区"));
    }

    @Test
    public void unknownOrMissingGridsAndDistrictsAreRefused() {
        GridPosterProducer producer = producer("http://127.0.0.1:8181");
        assertThatThrownBy(() -> producer.posters("jizhou", "360102", false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("grid"));
        assertThatThrownBy(() -> producer.posters("jizhou", " ", true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("grid"));
        assertThatThrownBy(() -> producer.posters("jizhou", null, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("grid"));
        assertThatThrownBy(() -> producer.posters("donghu", "360102", false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> producer.reportUrl("jizhou", "nope")).isInstanceOf(ValidationException.class);
    }

    @Test
    public void gridCodesAreEncodedInTheUrlAndTheFileName() {
        assertThat(GridPosterProducer.url("https://h.cn", "jizhou", "a b&c")).isEqualTo("https://h.cn/report/jizhou/?grid=a+b%26c");
        assertThat(GridPosterProducer.fileName("jizhou", "a\"b/c")).isEqualTo("posters-jizhou-a_b_c.pdf");
    }

    @Test
    public void thePublicUrlMustBeAnAbsoluteHttpAddress() {
        assertThat(GridPosterProducer.publicBase("https://gongzhi.example.cn/city/")).isEqualTo("https://gongzhi.example.cn/city");
        assertThat(GridPosterProducer.publicBase(" http://127.0.0.1:8181 ")).isEqualTo("http://127.0.0.1:8181");
        assertThat(GridPosterProducer.publicBase("ftp://h.cn")).isNull();
        assertThat(GridPosterProducer.publicBase("gongzhi.example.cn")).isNull();
        assertThat(GridPosterProducer.publicBase("https://h.cn/?x=1")).isNull();
        assertThat(GridPosterProducer.publicBase("")).isNull();
        GridPosterProducer misconfigured = producer("not a url");
        assertThatThrownBy(() -> misconfigured.posters("jizhou", "360802001", false)).isInstanceOf(IllegalStateException.class);
        misconfigured.modified(config("https://fixed.example.cn"));
        assertThat(misconfigured.reportUrl("jizhou", "360802001")).isEqualTo("https://fixed.example.cn/report/jizhou/?grid=360802001");
    }
}
