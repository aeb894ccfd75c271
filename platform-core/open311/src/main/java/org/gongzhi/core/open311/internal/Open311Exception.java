package org.gongzhi.core.open311.internal;

import java.util.List;

/**
 * A request the endpoint refuses, answered as the specification's error list
 * ({@code <errors><error><code/><description/></error></errors>}, a JSON array) with the HTTP status
 * equal to the code: 404 for what does not exist, 403 for a missing or invalid api_key, 400 for
 * every other refusal. Descriptions start with the specification's own English phrase where it
 * gives one, followed by the Chinese explanation.
 */
final class Open311Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }

    /** 400 for a required parameter that is missing. */
    static Open311Exception notProvided(String parameter) {
        return badRequest(parameter + " was not provided (未提供 " + parameter + ")");
    }

    int status() {
        return status;
    }

    /** The error list. */
    Doc doc() {
        return errors(status, getMessage());
    }

    static Doc errors(int code, String description) {
        return Doc.list("errors", "error", List.of(Doc.fields("code", code, "description", description)));
    }
}
