package org.gongzhi.plugins.oldmanstudios.internal;

import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotFoundException;

import org.gongzhi.plugin.api.InvalidInputException;

/** The three refusals the plugin gives; messages are zh-CN first, English in brackets. */
final class Problems {

    static final int CONFLICT = 409;

    private Problems() {
    }

    /** 409: the step is not allowed in the dispute's current state. */
    static ClientErrorException conflict(String zh, String en) {
        return new ClientErrorException(zh + " (" + en + ")", CONFLICT);
    }

    /** 404 for a record of this plugin, e.g. {@code notFound("纠纷", "dispute", id)}. */
    static NotFoundException notFound(String whatZh, String whatEn, String id) {
        return new NotFoundException(whatZh + "不存在 (no such " + whatEn + "): " + id);
    }

    /** 400 naming the field, e.g. {@code invalid("parties[0].phone", "电话号码格式有误", "malformed phone number")}. */
    static InvalidInputException invalid(String field, String zh, String en) {
        return new InvalidInputException(field, zh + " (" + en + "): " + field);
    }

    /** 400: a required field is missing or blank. */
    static InvalidInputException required(String field) {
        return new InvalidInputException(field, "必填项 (required): " + field);
    }
}
