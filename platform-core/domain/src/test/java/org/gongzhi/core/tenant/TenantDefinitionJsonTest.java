package org.gongzhi.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Paths;
import java.util.List;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridNode;
import org.junit.Test;

/** The records are plain Jackson data: a tenant survives a JSON round trip (with the JSR-310 module). */
public class TenantDefinitionJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    @Test
    public void roundTrip() throws Exception {
        TenantDefinition t = new TenantDefinitionReader().read(
                Paths.get(getClass().getResource("/tenants/sample").toURI()));
        String json = mapper.writeValueAsString(t);
        assertThat(json).contains("\"adminCode\":\"360102\"").contains("\"simple\":\"PT3H\"")
                .contains("\"2026-02-16\"").contains("\"type\":\"MultiPolygon\"");
        TenantDefinition back = mapper.readValue(json, TenantDefinition.class);
        assertThat(back.id()).isEqualTo("sample");
        assertThat(back.sla()).isEqualTo(t.sla());
        assertThat(back.calendar()).isEqualTo(t.calendar());
        assertThat(back.departments()).isEqualTo(t.departments());
        assertThat(back.categories()).isEqualTo(t.categories());
        assertThat(back.grids().all()).extracting(GridNode::code)
                .containsExactlyElementsOf(t.grids().all().stream().map(GridNode::code).toList());
        assertThat(back.grids().find("360102001001").orElseThrow().parentCode()).isEqualTo("360102001");
        assertThat(back.grids().locate(new GeoPoint(115.897, 28.672)).map(GridNode::code)).contains("360102001001002");
    }

    @Test
    public void categoryFamilyIsDerivedWhenAbsent() throws Exception {
        CategoryDefinition c = mapper.readValue("{\"code\":\"LS0101\",\"name\":\"低保\",\"parentCode\":\"LS01\","
                + "\"tier\":\"SIMPLE\",\"departmentKind\":\"CIVIL_AFFAIRS\",\"leaf\":true}", CategoryDefinition.class);
        assertThat(c.family()).isEqualTo(CategoryFamily.LIVELIHOOD);
        assertThat(c.tier()).isEqualTo(SlaTier.SIMPLE);
    }

    @Test
    public void recordValidation() {
        assertThatThrownBy(() -> new CategoryDefinition("CM0101", CategoryFamily.LIVELIHOOD, "x", null, "CM01",
                SlaTier.SIMPLE, "SANITATION", true)).hasMessageContaining("CITY_MANAGEMENT");
        assertThatThrownBy(() -> new CategoryDefinition("CM0101", null, "x", null, "CM02",
                SlaTier.SIMPLE, "SANITATION", true)).hasMessageContaining("parentCode");
        assertThatThrownBy(() -> new DepartmentDefinition("GA", "公安", null, "Public-Security"))
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> new DepartmentDefinition("G A", "公安", null, "PUBLIC_SECURITY"))
                .hasMessageContaining("code");
        assertThat(new DepartmentDefinition("GA", "公安", null, "PUBLIC_SECURITY").kind()).isEqualTo("PUBLIC_SECURITY");
        assertThat(List.of(TenantDefinition.ID.matcher("donghu").matches(), TenantDefinition.ID.matcher("Donghu").matches(),
                TenantDefinition.ID.matcher("d").matches())).containsExactly(true, false, false);
    }
}
