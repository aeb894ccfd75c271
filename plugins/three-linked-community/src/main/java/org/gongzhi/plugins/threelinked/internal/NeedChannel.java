package org.gongzhi.plugins.threelinked.internal;

/** How a need was collected (线上+线下收集需求). */
enum NeedChannel {
    /** 线上平台: the online platform's "complaints, reports, feedback" board and the resident app. */
    ONLINE("线上平台"),
    /** 线下走访: home visits and questionnaires by the community, organisations and social workers. */
    OFFLINE("线下走访"),
    /** 困难群众直通车: the online direct line for people in difficulty. */
    DIFFICULTY_LINE("困难群众直通车");

    private final String label;

    NeedChannel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String wire() {
        return Fields.wireName(this);
    }
}
