package org.gongzhi.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An RFC 9457 problem-details body, shaped like the platform's: {@code field} names the offending JSON field
 * when there is one; {@code title} is zh-CN first.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "field"})
record Problem(String type, String title, int status, String detail, String field) {

    static final String TYPE_BASE = "https://gongzhi.org/problems/department-simulator/";

    static Problem of(int status, String type, String title, String detail, String field) {
        return new Problem(TYPE_BASE + type, title, status, detail, field);
    }
}
