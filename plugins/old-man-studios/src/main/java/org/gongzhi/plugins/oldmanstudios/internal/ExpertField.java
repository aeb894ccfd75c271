package org.gongzhi.plugins.oldmanstudios.internal;

/** Field of an expert of the district mediator pool (调解专家库). */
enum ExpertField implements Labelled {
    /** 法律 — retired judges, prosecutors, lawyers. */
    LAW("law", "法律", "Law"),
    /** 医疗 — medical disputes. */
    MEDICINE("medicine", "医疗", "Medicine"),
    /** 土地 — land, hills and forest. */
    LAND("land", "土地", "Land"),
    /** 劳动 — labour and wages. */
    LABOUR("labour", "劳动", "Labour"),
    /** 物业 — property management and building. */
    PROPERTY("property", "物业", "Property"),
    /** 婚姻家庭. */
    FAMILY("family", "婚姻家庭", "Marriage and family"),
    /** 心理 — psychological counselling. */
    PSYCHOLOGY("psychology", "心理", "Psychology"),
    /** 其他. */
    OTHER("other", "其他", "Other");

    private final Label label;

    ExpertField(String wire, String labelZh, String labelEn) {
        this.label = new Label(wire, labelZh, labelEn);
    }

    @Override
    public Label label() {
        return label;
    }
}
