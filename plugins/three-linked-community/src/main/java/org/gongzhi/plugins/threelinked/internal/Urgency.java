package org.gongzhi.plugins.threelinked.internal;

/** How pressing a need is (紧急程度); the order of the constants is the order of urgency. */
enum Urgency {
    /** 一般. */
    NORMAL("一般"),
    /** 较急: 群众亟需解决. */
    PRESSING("较急"),
    /** 紧急. */
    URGENT("紧急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String wire() {
        return Fields.wireName(this);
    }

    static Urgency fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
