package org.gongzhi.plugins.threecolour.internal;

import java.util.Locale;

import org.gongzhi.plugin.api.InvalidInputException;

/** Where a responder stands on a whistle (各方响应); a responder only moves forward. */
enum ResponseStatus {
    /** 未响应: not answered yet. */
    PENDING("未响应"),
    /** 已响应: seen and on the way. */
    ACKNOWLEDGED("已响应"),
    /** 已到场: on the spot. */
    ARRIVED("已到场"),
    /** 已处置: done. */
    DONE("已处置");

    private final String labelZh;

    ResponseStatus(String labelZh) {
        this.labelZh = labelZh;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String labelZh() {
        return labelZh;
    }

    /** A status a responder may report: {@code acknowledged}, {@code arrived} or {@code done}. */
    static ResponseStatus answer(String field, String text) {
        String v = Check.required(field, text, 20).toUpperCase(Locale.ROOT);
        for (ResponseStatus s : values()) {
            if (s != PENDING && s.name().equals(v)) {
                return s;
            }
        }
        throw new InvalidInputException(field,
                "响应状态须为 acknowledged、arrived 或 done (status must be acknowledged, arrived or done): " + text);
    }

    static ResponseStatus ofWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
