package org.gongzhi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code hotline.yaml}: read into {@link HotlineMapping}, looked up normalised, and every bad file names its field. */
public class HotlineMappingTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final TenantDefinitionReader reader = new TenantDefinitionReader();
    private Path sample;

    @Before
    public void copyFixture() throws Exception {
        Path source = Paths.get(getClass().getResource("/tenants").toURI());
        Path root = tmp.getRoot().toPath().resolve("tenants");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = root.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        sample = root.resolve("sample");
        Files.writeString(sample.resolve("tenant.yaml"), "hotline: hotline.yaml\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void replace(String file, String from, String to) throws IOException {
        Path f = sample.resolve(file);
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private TenantDefinitionException failure() {
        TenantDefinitionException e = catchThrowableOfType(TenantDefinitionException.class, () -> reader.read(sample));
        assertThat(e).as("expected a TenantDefinitionException").isNotNull();
        return e;
    }

    @Test
    public void readsTheMapping() {
        HotlineMapping h = reader.read(sample).hotline();
        assertThat(h.categories()).hasSize(4);
        assertThat(h.defaultCategory()).isEqualTo("CG02");
        assertThat(h.categoryFor("市容环境/暴露垃圾")).contains("CM0101");
        assertThat(h.categoryFor(" 市容环境 ／ 暴露垃圾 ")).contains("CM0101");
        assertThat(h.categoryFor("城市管理>占道经营")).contains("CM0102");
        assertThat(h.categoryFor("０１０５")).as("full-width digits").contains("CM0102");
        assertThat(h.categoryFor("市容环境/其他")).isEmpty();
        assertThat(h.categoryFor(null)).isEmpty();
        assertThat(h.places()).hasSize(3);
    }

    @Test
    public void noReplyConnectorAndThreeCallbackAttemptsByDefault() {
        HotlineMapping h = reader.read(sample).hotline();
        assertThat(h.reply()).isNull();
        assertThat(h.callbackAttempts()).isEqualTo(3);
        assertThat(HotlineMapping.none().callbackAttempts()).isEqualTo(HotlineMapping.DEFAULT_CALLBACK_ATTEMPTS);
    }

    @Test
    public void readsTheReplyConnectorAndTheCallbackAttempts() throws IOException {
        Files.writeString(sample.resolve("hotline.yaml"), "reply: {type: http, url: \"http://127.0.0.1:1/replies/{tenant}\","
                + " authHeader: X-Key, authValue: s3cret}\ncallbackAttempts: 2\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        HotlineMapping h = reader.read(sample).hotline();
        assertThat(h.reply().type()).isEqualTo("http");
        assertThat(h.reply().option("url", null)).isEqualTo("http://127.0.0.1:1/replies/{tenant}");
        assertThat(h.reply().toString()).doesNotContain("s3cret");
        assertThat(h.callbackAttempts()).isEqualTo(2);
    }

    @Test
    public void aBadReplyConnectorNamesItsField() throws IOException {
        Files.writeString(sample.resolve("hotline.yaml"), "reply: {type: file}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(failure().field()).isEqualTo("reply");
        assertThat(failure().getMessage()).contains("directory is required");
    }

    @Test
    public void callbackAttemptsOutsideOneToTenAreRefused() throws IOException {
        Files.writeString(sample.resolve("hotline.yaml"), "callbackAttempts: 0\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(failure().field()).isEqualTo("callbackAttempts");
        replace("hotline.yaml", "callbackAttempts: 0", "callbackAttempts: 2.5");
        assertThat(failure().field()).isEqualTo("callbackAttempts");
        assertThatThrownBy(() -> new HotlineMapping(List.of(), null, List.of(), null, 11))
                .hasMessageContaining("callbackAttempts");
    }

    @Test
    public void placesAreTriedStreetAndCommunityThenCommunityThenStreet() {
        HotlineMapping h = reader.read(sample).hotline();
        assertThat(h.gridFor("公园街道", "湖滨")).contains("360102001001001");
        assertThat(h.gridFor("别的街道", "湖滨")).contains("360102001001");
        assertThat(h.gridFor(null, "湖滨")).contains("360102001001");
        assertThat(h.gridFor("公园街道办事处", "不存在社区")).contains("360102001");
        assertThat(h.gridFor("公园街道", null)).isEmpty();
        assertThat(h.gridFor(null, null)).isEmpty();
    }

    @Test
    public void withoutTheFileTheMappingIsEmpty() throws IOException {
        replace("tenant.yaml", "hotline: hotline.yaml", "");
        HotlineMapping h = reader.read(sample).hotline();
        assertThat(h).isEqualTo(HotlineMapping.none());
        assertThat(h.categoryFor("市容环境/暴露垃圾")).isEmpty();
        assertThat(h.defaultCategory()).isNull();
    }

    @Test
    public void aMissingFileIsNamed() throws IOException {
        replace("tenant.yaml", "hotline: hotline.yaml", "hotline: hotline-2026.yaml");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("hotline");
        assertThat(e.getMessage()).contains("missing file");
    }

    @Test
    public void anUnknownCategoryIsNamed() throws IOException {
        replace("hotline.yaml", "category: CG0101}", "category: CG9999}");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("categories[3].category");
        assertThat(e.file().getFileName()).hasToString("hotline.yaml");
    }

    @Test
    public void aMajorCategoryIsRefused() throws IOException {
        replace("hotline.yaml", "category: CM0101}", "category: CM01}");
        assertThat(failure().field()).isEqualTo("categories[0].category");
    }

    @Test
    public void aBadDefaultCategoryIsNamed() throws IOException {
        replace("hotline.yaml", "defaultCategory: CG02", "defaultCategory: LS01");
        assertThat(failure().field()).isEqualTo("defaultCategory");
    }

    @Test
    public void anUnknownGridIsNamed() throws IOException {
        replace("hotline.yaml", "grid: \"360102001\"}", "grid: \"360102009\"}");
        assertThat(failure().field()).isEqualTo("places[0].grid");
        replace("hotline.yaml", "grid: \"360102009\"}", "grid: \"360102\"}");
        assertThat(failure().getMessage()).contains("below the district root");
    }

    @Test
    public void aPlaceWithoutNamesIsRefused() throws IOException {
        replace("hotline.yaml", "{community: 湖滨, grid", "{grid");
        assertThat(failure().field()).isEqualTo("places[2]");
    }

    @Test
    public void duplicateLabelsAreRefused() throws IOException {
        replace("hotline.yaml", "{hotline: 矛盾纠纷/邻里纠纷,", "{hotline: 市容环境 / 暴露垃圾,");
        assertThat(failure().getMessage()).contains("duplicate hotline category");
    }

    @Test
    public void theRecordChecksItsTargetsToo() {
        TenantDefinition t = reader.read(sample);
        HotlineMapping bad = new HotlineMapping(List.of(new HotlineMapping.CategoryRule("x", "ZZ0101")), null, List.of());
        assertThatThrownBy(() -> bad.requireTargets(t.categories(), t.grids()))
                .hasMessageContaining("hotline.categories[0].category");
        HotlineMapping badGrid = new HotlineMapping(List.of(), null,
                List.of(new HotlineMapping.PlaceRule("街", null, "1")));
        assertThatThrownBy(() -> badGrid.requireTargets(t.categories(), t.grids()))
                .hasMessageContaining("hotline.places[0].grid");
        assertThatThrownBy(() -> new HotlineMapping.PlaceRule(" ", null, "360102001"))
                .hasMessageContaining("street or a community");
    }

    @Test
    public void normalisation() {
        assertThat(HotlineMapping.normalise(" 市容环境 ／ 暴露垃圾 ")).isEqualTo("市容环境/暴露垃圾");
        assertThat(HotlineMapping.normalise("A > B | C")).isEqualTo("a/b/c");
        assertThat(HotlineMapping.normalise(null)).isEmpty();
    }
}
