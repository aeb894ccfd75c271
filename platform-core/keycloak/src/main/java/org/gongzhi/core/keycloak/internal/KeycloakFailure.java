package org.gongzhi.core.keycloak.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.regex.Pattern;

import org.gongzhi.core.service.IdentityUnavailableException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Keycloak could not be reached or refused an administrative call. {@link #transientFailure()}
 * tells whether trying again later may help (not reachable, 5xx) or not (401, 403, other 4xx:
 * wrong credentials, missing rights, a request Keycloak does not accept).
 */
final class KeycloakFailure extends IdentityUnavailableException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 300;
    /** The token endpoint's answers to wrong credentials (Keycloak answers some with 400, not 401). */
    private static final Pattern OAUTH_CREDENTIAL_ERRORS =
            Pattern.compile("\"error\"\\s*:\\s*\"(invalid_grant|invalid_client|unauthorized_client)\"");

    private final boolean transientFailure;
    private final int status;

    private KeycloakFailure(String message, Throwable cause, boolean transientFailure, int status) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.status = status;
    }

    /** Whether the same call may succeed later (Keycloak not reachable or answering 5xx). */
    boolean transientFailure() {
        return transientFailure;
    }

    /** Keycloak's HTTP status, 0 when it did not answer. */
    int status() {
        return status;
    }

    /**
     * Translates what the admin client threw while doing {@code what}. Exceptions that do not come
     * from talking to Keycloak (programming errors) are returned unchanged.
     */
    static RuntimeException translate(String what, String url, RuntimeException e) {
        if (e instanceof KeycloakFailure) {
            return e;
        }
        WebApplicationException answer = find(e, WebApplicationException.class);
        if (answer != null) {
            Response r = answer.getResponse();
            return status(what, url, r == null ? 0 : r.getStatus(), body(r), e);
        }
        if (e instanceof ProcessingException || find(e, IOException.class) != null) {
            Throwable root = root(e);
            String reason = root instanceof InterruptedIOException ? "timed out" : root.toString();
            return new KeycloakFailure("身份服务不可用 (identity server unavailable): cannot reach " + url + " while "
                    + what + ": " + reason, e, true, 0);
        }
        return e;
    }

    /** A failure for an HTTP answer of Keycloak. */
    static KeycloakFailure status(String what, String url, int status, String body, Throwable cause) {
        String detail = " while " + what + (body == null || body.isBlank() ? "" : ": " + body);
        if (status == 401 || (status == 400 && body != null && OAUTH_CREDENTIAL_ERRORS.matcher(body).find())) {
            return new KeycloakFailure("身份服务拒绝了管理员凭据 (identity server refused the administrative credentials): "
                    + "HTTP " + status + " from " + url + detail + " — check adminUser/adminPassword or adminClientSecret",
                    cause, false, status);
        }
        if (status == 403) {
            return new KeycloakFailure("身份服务拒绝了管理请求 (identity server refused the administrative call): "
                    + "HTTP 403 from " + url + detail + " — the administrator needs the admin role of realm master "
                    + "(or create-realm and the realms' realm-admin)", cause, false, status);
        }
        if (status >= 500 || status == 0) {
            return new KeycloakFailure("身份服务不可用 (identity server unavailable): HTTP " + status + " from " + url
                    + detail, cause, true, status);
        }
        return new KeycloakFailure("身份服务拒绝了请求 (identity server refused the request): HTTP " + status + " from "
                + url + detail, cause, false, status);
    }

    /** The answer's body, shortened; Keycloak's error bodies name the problem, never a secret. */
    static String body(Response r) {
        if (r == null) {
            return null;
        }
        try {
            if (!r.hasEntity()) {
                return null;
            }
            String body = r.readEntity(String.class);
            if (body == null) {
                return null;
            }
            body = body.strip().replaceAll("\\s+", " ");
            return body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…" : body;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
