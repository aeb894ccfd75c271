package org.gongzhi.plugin.tck;

import java.util.Objects;

/**
 * A request to one of a plugin's endpoints, relative to its model's base
 * {@code /api/v1/tenants/{tenant}/plugins/<model id>/}: {@code get("notes")},
 * {@code post("notes", "{\"text\":\"巡查\"}")}, {@code get("notes?limit=5")}.
 *
 * @param method HTTP method
 * @param path   section and the rest, with an optional {@code ?query}; no leading slash
 * @param body   JSON text, or {@code null} for none
 */
public record EndpointRequest(String method, String path, String body) {

    public EndpointRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("path is relative to the model's base: " + path);
        }
    }

    public static EndpointRequest get(String path) {
        return new EndpointRequest("GET", path, null);
    }

    public static EndpointRequest post(String path, String json) {
        return new EndpointRequest("POST", path, json);
    }

    public static EndpointRequest put(String path, String json) {
        return new EndpointRequest("PUT", path, json);
    }

    public static EndpointRequest delete(String path) {
        return new EndpointRequest("DELETE", path, null);
    }

    @Override
    public String toString() {
        return method + " …/" + path + (body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body));
    }
}
