package org.gongzhi.plugins.threelinked.internal;

/** What a 百姓管家 meeting decides about one agenda item (协商议定). */
enum Decision {
    /** 采纳: take it on; its needs become decided and may be published as service orders. */
    TAKE_ON("采纳"),
    /** 不予采纳: decline, with a reason told to the residents. */
    DECLINE("不予采纳"),
    /** 顺延: defer to the next quarter's meeting. */
    DEFER("顺延下季度");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String wire() {
        return Fields.wireName(this);
    }
}
