package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class OldManStudiosModelTest {

    @Test
    public void describesTheDonghuModel() {
        OldManStudiosModel model = new OldManStudiosModel();
        assertThat(model.id()).isEqualTo("old-man-studios").matches("[a-z][a-z0-9-]*");
        assertThat(model.nameZh()).isEqualTo("老倌俚工作室");
        assertThat(model.nameEn()).isEqualTo("Old-man studios (village elder mediation)");
        assertThat(model.version()).isEqualTo("1.0.0");
        assertThat(Rest.BASE).isEqualTo("/api/v1/tenants/{tenant}/plugins/old-man-studios");
    }

    @Test
    public void disputeTypesFollowTheCg01Categories() {
        assertThat(DisputeType.ofCategory("CG0101")).isEqualTo(DisputeType.NEIGHBOUR);
        assertThat(DisputeType.ofCategory("CG0102")).isEqualTo(DisputeType.FAMILY);
        assertThat(DisputeType.ofCategory("CG0103")).isEqualTo(DisputeType.LAND_FOREST);
        assertThat(DisputeType.ofCategory("CG0105")).isEqualTo(DisputeType.LABOUR);
        assertThat(DisputeType.ofCategory("CG0106")).isEqualTo(DisputeType.PROPERTY);
        assertThat(DisputeType.ofCategory("CG0201")).isEqualTo(DisputeType.OTHER);
    }
}
