package org.gongzhi.plugins.threelinked.internal;

/** Level of a social worker's professional qualification (社会工作者职业资格). */
enum CertificateLevel {
    /** 助理社会工作师. */
    ASSISTANT("助理社会工作师"),
    /** 社会工作师. */
    INTERMEDIATE("社会工作师"),
    /** 高级社会工作师. */
    SENIOR("高级社会工作师");

    private final String label;

    CertificateLevel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String wire() {
        return Fields.wireName(this);
    }
}
