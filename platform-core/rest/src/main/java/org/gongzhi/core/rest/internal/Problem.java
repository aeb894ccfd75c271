package org.gongzhi.core.rest.internal;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * An RFC 9457 problem-details body. {@code field} names the offending JSON field or query
 * parameter when there is one. {@code title} and {@code detail} are zh-CN first.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    static final String MEDIA_TYPE = "application/problem+json";
    static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    static Response response(int status, String type, String title, String detail, String field) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem("https://gongzhi.org/problems/" + type, title, status, detail, field)).build();
    }
}
