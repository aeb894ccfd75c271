package org.gongzhi.core.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Validates a Keycloak-issued bearer token and says who is calling.
 *
 * <p><b>Implemented by</b> the identity bundle only; <b>called by</b> the platform's
 * authentication seam for every API request. A token is accepted only if it is an RS256 JWS
 * whose signature verifies against a key of the JWKS of the realm named by its issuer, the
 * issuer is the realm of a tenant the platform trusts, it has not expired (30 s of clock skew
 * allowed), its {@code nbf} (if any) has passed, and its audience ({@code aud}) includes the
 * platform's API audience.
 *
 * <p><b>The tenant is the issuer's realm.</b> {@link Caller#tenantId()} is where the token was
 * issued; the validator does not know which tenant a request is for. The caller of this
 * interface must compare it with the tenant the request names (the URL's tenant) and answer a
 * mismatch exactly as if the resource did not exist.
 *
 * <p><b>Threading and blocking:</b> thread-safe. Once the realm's keys are cached the call is
 * CPU only (one RSA verification). It blocks on the network only when a realm's keys are first
 * needed, when the cache expired, or when a token names a key id the cache does not hold (one
 * rate-limited refetch, so a key rotation in Keycloak is picked up without a restart).
 *
 * @since 1.0
 */
@ProviderType
public interface TokenValidator {

    /**
     * @param bearerToken the compact JWS, without the {@code Bearer } prefix of the
     *                    {@code Authorization} header
     * @return the verified caller; never null
     * @throws InvalidTokenException when the token is refused; its
     *                               {@link InvalidTokenException#reason() reason} says why
     */
    Caller validate(String bearerToken) throws InvalidTokenException;
}
