package org.gongzhi.plugins.oldmanstudios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** The village (社区/村) of a grid code is found by walking up the code's prefixes. */
public class GridCodesTest {

    @Test
    public void villageOfAGridIsItsTwelveDigitPrefix() {
        assertThat(GridCodes.village("360102101201001")).contains("360102101201");
        assertThat(GridCodes.village("360102100201001")).contains("360102100201");
    }

    @Test
    public void villageOfABuildingOrVillagerGroupWalksUpTwoLevels() {
        assertThat(GridCodes.village("36010210020100101")).contains("360102100201");
    }

    @Test
    public void aVillageCodeIsItsOwnVillage() {
        assertThat(GridCodes.village("360102400203")).contains("360102400203");
        assertThat(GridCodes.isVillageCode("360102400203")).isTrue();
    }

    @Test
    public void streetAndDistrictCodesHaveNoVillage() {
        assertThat(GridCodes.village("360102100")).isEmpty();
        assertThat(GridCodes.village("360102")).isEmpty();
        assertThat(GridCodes.street("360102100")).contains("360102100");
        assertThat(GridCodes.street("360102")).isEmpty();
    }

    @Test
    public void streetOfAGrid() {
        assertThat(GridCodes.street("360102001001001")).contains("360102001");
    }

    @Test
    public void malformedCodesHaveNoAncestors() {
        assertThat(GridCodes.village("3601021002010")).isEmpty();   // 13 digits: no level has that length
        assertThat(GridCodes.village("36010210020A001")).isEmpty();
        assertThat(GridCodes.village(null)).isEmpty();
        assertThat(GridCodes.isGridCode("3601021002010012")).isFalse();
        assertThat(GridCodes.isVillageCode("360102100201001")).isFalse();
    }
}
