package org.gongzhi.core.rest.internal;

import java.security.Principal;
import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.InvalidTokenException;
import org.gongzhi.core.identity.TokenValidator;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE AUTHENTICATION SEAM. Every request passes here before any resource runs. Apart from the
 * public paths (health, the OpenAPI document, the sign-in facts, and everything under {@code /open311/} — the Open311
 * GeoReport v2 endpoint of {@code gongzhi-open311}, which is public by its specification and checks
 * its own {@code api_key} on writes — and everything under {@code /api/v1/resident/} — the resident
 * page's API of {@code gongzhi-resident}, which checks its own session tokens), a request must carry a
 * bearer token that the
 * {@link TokenValidator} accepts; the verified {@link Caller} is installed as the JAX-RS
 * {@link SecurityContext}, where {@link Access} finds it. What each caller may do is decided by
 * the resources through {@link Access}.
 *
 * <p>Answers: no token → 401 {@code WWW-Authenticate: Bearer}; a refused token → 401
 * {@code error="invalid_token"} without saying why (the reason is logged); keys unavailable or no
 * validator configured → 503; a token of a suspended district → 403 {@code tenant-suspended}; a
 * token of a district the platform does not serve → 401.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@PreMatching
public final class AuthenticationSeam implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationSeam.class);
    /** Paths (without the leading slash) anyone may call. */
    static final Set<String> PUBLIC_PATHS = Set.of("api/v1/health", "api/v1/openapi.yaml", "api/v1/sign-in");
    /** Path prefix (without the leading slash) of the public Open311 GeoReport v2 endpoint. */
    static final String OPEN311_PREFIX = "open311/";
    /**
     * Path prefix (without the leading slash) of the resident page's API ({@code gongzhi-resident}):
     * residents have no Keycloak account; that bundle checks its own session tokens, issued after a
     * one-time code sent by SMS.
     */
    static final String RESIDENT_PREFIX = "api/v1/resident/";
    private static final String BEARER = "Bearer ";
    static final String IDENTITY_UNAVAILABLE = "身份认证服务不可用 (identity service unavailable)";
    static final String TOKEN_REQUIRED = "需要登录：请在 Authorization 头中携带 Bearer 令牌 (a bearer token is required)";

    private final TenantDirectory tenants;
    private volatile TokenValidator validator;

    @Activate
    public AuthenticationSeam(@Reference TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindValidator(TokenValidator v) {
        validator = v;
    }

    void unbindValidator(TokenValidator v) {
        if (validator == v) {
            validator = null;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isPublic(path) || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("Bearer realm=\"gongzhi\"", TOKEN_REQUIRED));
            return;
        }
        TokenValidator v = validator;
        if (v == null) {
            request.abortWith(Problem.response(503, "identity-unavailable", IDENTITY_UNAVAILABLE,
                    "平台未配置身份认证 (no token validation is configured)", null));
            return;
        }
        Caller caller;
        try {
            caller = v.validate(header.substring(BEARER.length()).trim());
        } catch (InvalidTokenException e) {
            if (e.reason() == InvalidTokenException.Reason.KEYS_UNAVAILABLE) {
                LOG.warn("Token not checked: {}", e.getMessage());
                request.abortWith(Problem.response(503, "identity-unavailable", IDENTITY_UNAVAILABLE,
                        "请稍后重试 (try again later)", null));
            } else {
                LOG.info("Token refused ({}): {}", e.reason(), e.getMessage());
                request.abortWith(unauthorized("Bearer realm=\"gongzhi\", error=\"invalid_token\"",
                        "令牌无效或已过期 (the token is invalid or expired)"));
            }
            return;
        }
        if (!Access.CITY.equals(caller.tenantId())) {
            TenantStatus status = tenants.status(caller.tenantId()).orElse(null);
            if (status == null) {
                request.abortWith(unauthorized("Bearer realm=\"gongzhi\", error=\"invalid_token\"",
                        "令牌无效或已过期 (the token is invalid or expired)"));
                return;
            }
            if (status == TenantStatus.SUSPENDED) {
                request.abortWith(Access.suspended(caller.tenantId()));
                return;
            }
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new Verified(caller, secure));
    }

    /** Whether {@code path} (relative to the JAX-RS root, with or without a leading slash) needs no token. */
    static boolean isPublic(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith(OPEN311_PREFIX) || p.startsWith(RESIDENT_PREFIX)) {
            return true;
        }
        return PUBLIC_PATHS.contains(p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
    }

    static Response unauthorized(String challenge, String detail) {
        return Response.fromResponse(Problem.response(401, "unauthorized", "未通过身份认证 (not authenticated)", detail, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /** The verified caller as the JAX-RS security context. */
    record Verified(Caller caller, boolean isSecure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> caller.username() != null ? caller.username() : caller.subject();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
