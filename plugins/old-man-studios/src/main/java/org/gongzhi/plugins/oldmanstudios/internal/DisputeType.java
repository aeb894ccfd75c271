package org.gongzhi.plugins.oldmanstudios.internal;

/**
 * Type of a dispute (矛盾纠纷类型); also the speciality of a third-party mediation organisation.
 * The first five follow the CG01 minor categories of {@code tenants/common/categories.yaml}.
 */
enum DisputeType implements Labelled {
    /** 邻里纠纷 (CG0101). */
    NEIGHBOUR("neighbour", "邻里纠纷", "Neighbour dispute"),
    /** 婚姻家庭纠纷 (CG0102). */
    FAMILY("family", "婚姻家庭纠纷", "Marriage or family dispute"),
    /** 土地山林纠纷 (CG0103). */
    LAND_FOREST("land-forest", "土地山林纠纷", "Land and forest dispute"),
    /** 劳资纠纷 (CG0104, CG0105 群体性欠薪). */
    LABOUR("labour", "劳资纠纷", "Labour or wage dispute"),
    /** 物业纠纷 (CG0106). */
    PROPERTY("property", "物业纠纷", "Property-management dispute"),
    /** 其他纠纷. */
    OTHER("other", "其他纠纷", "Other dispute");

    private final Label label;

    DisputeType(String wire, String labelZh, String labelEn) {
        this.label = new Label(wire, labelZh, labelEn);
    }

    /** The type of a case category: CG0101…CG0106 map to their type, anything else to {@link #OTHER}. */
    static DisputeType ofCategory(String categoryCode) {
        if (categoryCode == null) {
            return OTHER;
        }
        return switch (categoryCode) {
            case "CG0101" -> NEIGHBOUR;
            case "CG0102" -> FAMILY;
            case "CG0103" -> LAND_FOREST;
            case "CG0104", "CG0105" -> LABOUR;
            case "CG0106" -> PROPERTY;
            default -> OTHER;
        };
    }

    @Override
    public Label label() {
        return label;
    }
}
