package org.gongzhi.load;

/** No access token could be had from Keycloak: its refusal (status, error, description) or why there was no answer. */
final class TokenException extends Exception {

    private static final long serialVersionUID = 1L;

    TokenException(String message) {
        super(message, null, false, false);
    }
}
