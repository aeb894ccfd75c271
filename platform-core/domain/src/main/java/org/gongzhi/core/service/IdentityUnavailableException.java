package org.gongzhi.core.service;

/** The identity server (Keycloak) could not be reached or refused an administrative call. */
public class IdentityUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IdentityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
