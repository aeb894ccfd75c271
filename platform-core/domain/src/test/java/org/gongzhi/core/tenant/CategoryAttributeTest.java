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
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.CategoryAttribute.Datatype;
import org.gongzhi.core.tenant.CategoryAttribute.Value;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Category attributes (事件附加信息): the record's rules and how the categories file declares them. */
public class CategoryAttributeTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;

    @Before
    public void copyFixture() throws Exception {
        Path source = Paths.get(getClass().getResource("/tenants").toURI());
        root = tmp.getRoot().toPath().resolve("tenants");
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
    }

    private void replace(String from, String to) throws IOException {
        Path f = root.resolve("common/categories.yaml");
        String s = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private TenantDefinition read() {
        return new TenantDefinitionReader().read(root.resolve("sample"));
    }

    private TenantDefinitionException failure() {
        TenantDefinitionException e = catchThrowableOfType(TenantDefinitionException.class, this::read);
        assertThat(e).as("expected a TenantDefinitionException").isNotNull();
        return e;
    }

    @Test
    public void readsAttributesWithDefaults() {
        CategoryDefinition vending = read().category("CM0102").orElseThrow();
        assertThat(vending.attributes()).extracting(CategoryAttribute::code).containsExactly("length", "period", "notice");
        CategoryAttribute length = vending.attribute("length").orElseThrow();
        assertThat(length).isEqualTo(new CategoryAttribute("length", Datatype.NUMBER, true, true, "占道长度（米）", 1, List.of()));
        CategoryAttribute period = vending.attribute("period").orElseThrow();
        assertThat(period.required()).isFalse();
        assertThat(period.order()).isEqualTo(5);
        assertThat(period.values()).containsExactly(new Value("day", "白天"), new Value("night", "夜间"));
        assertThat(period.value("night")).map(Value::name).contains("夜间");
        CategoryAttribute notice = vending.attribute("notice").orElseThrow();
        assertThat(notice.variable()).isFalse();
        assertThat(notice.order()).isEqualTo(3);
        assertThat(read().category("CM0101").orElseThrow().attributes()).isEmpty();
    }

    @Test
    public void unknownDatatypeNamesTheField() throws IOException {
        replace("datatype: number", "datatype: integer");
        TenantDefinitionException e = failure();
        assertThat(e.field()).isEqualTo("families[0].majors[0].minors[1].attributes[0].datatype");
        assertThat(e).hasMessageContaining("singlevaluelist").hasMessageContaining("integer");
    }

    @Test
    public void listWithoutValuesIsRefused() throws IOException {
        replace("datatype: text", "datatype: multivaluelist");
        assertThat(failure().field()).isEqualTo("families[0].majors[0].minors[1].attributes[2].values");
    }

    @Test
    public void valuesOnlyForLists() throws IOException {
        replace("datatype: singlevaluelist", "datatype: string");
        assertThat(failure().field()).isEqualTo("families[0].majors[0].minors[1].attributes[1].values");
    }

    @Test
    public void duplicateValueKeyIsRefused() throws IOException {
        replace("key: night", "key: day");
        assertThat(failure().field()).isEqualTo("families[0].majors[0].minors[1].attributes[1].values[1].key");
    }

    @Test
    public void requiredMustBeBoolean() throws IOException {
        replace("required: true\n                description: 占道长度", "required: maybe\n                description: 占道长度");
        assertThat(failure().field()).isEqualTo("families[0].majors[0].minors[1].attributes[0].required");
    }

    @Test
    public void duplicateOrderIsRefused() throws IOException {
        replace("order: 5", "order: 1");
        assertThat(failure()).hasMessageContaining("duplicate attribute order 1");
    }

    @Test
    public void recordRules() {
        assertThatThrownBy(() -> new CategoryAttribute("a[b]", Datatype.STRING, false, true, "x", 1, null))
                .hasMessageContaining("code");
        assertThatThrownBy(() -> new CategoryAttribute("a", Datatype.SINGLEVALUELIST, false, true, "x", 1, List.of()))
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> new CategoryAttribute("a", Datatype.NUMBER, false, true, " ", 1, null))
                .hasMessageContaining("description");
        assertThatThrownBy(() -> new CategoryAttribute("a", Datatype.NUMBER, false, true, "x", 0, null))
                .hasMessageContaining("order");
        CategoryAttribute a = new CategoryAttribute("a", Datatype.NUMBER, false, true, "x", 1, null);
        assertThatThrownBy(() -> new CategoryDefinition("CM01", null, "x", null, null, null, null, false, List.of(a)))
                .hasMessageContaining("not a leaf");
        assertThatThrownBy(() -> new CategoryDefinition("CM0101", null, "x", null, "CM01", SlaTier.SIMPLE, "SANITATION",
                true, List.of(a, a))).hasMessageContaining("duplicate attribute code a");
        CategoryDefinition old = new CategoryDefinition("CM0101", CategoryFamily.CITY_MANAGEMENT, "x", null, "CM01",
                SlaTier.SIMPLE, "SANITATION", true);
        assertThat(old.attributes()).isEmpty();
        assertThat(Datatype.fromWireName("MultiValueList")).contains(Datatype.MULTIVALUELIST);
        assertThat(Datatype.fromWireName("list")).isEmpty();
    }
}
