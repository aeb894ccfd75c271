package org.gongzhi.core.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Access tokens shaped as Keycloak 26 issues them, signed with test keys. */
final class Tokens {

    private Tokens() {
    }

    /** An RS256 signing key as a Keycloak realm has one (2048 bits, use sig). */
    static RSAKey signingKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's realms also publish an RSA-OAEP encryption key; it must never verify a signature. */
    static RSAKey encryptionKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.ENCRYPTION).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a person's access token from the public client, valid for five minutes. */
    static JWTClaimsSet.Builder person(String issuer, String username, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .audience(List.of("gongzhi-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("typ", "Bearer")
                .claim("azp", "gongzhi-web")
                .claim("sid", UUID.randomUUID().toString())
                .claim("scope", "openid profile email")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
                .claim("preferred_username", username)
                .claim("email_verified", true)
                .claim("name", "张 伟")
                .claim("given_name", "伟")
                .claim("family_name", "张")
                .claim("email", username + "@example.org");
    }

    /** Claims of a department system's service-account token (client-credentials grant). */
    static JWTClaimsSet.Builder departmentSystem(String issuer, String clientId, String department) {
        return person(issuer, "service-account-" + clientId, "department-handler")
                .claim("azp", clientId)
                .claim("department", department)
                .claim("name", null)
                .claim("given_name", null)
                .claim("family_name", null)
                .claim("email", null);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) {
        return sign(claims, key, key.getKeyID());
    }

    /** Signs with {@code key} but names {@code kid} in the header. */
    static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
