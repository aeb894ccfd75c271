package org.gongzhi.core.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gongzhi.core.identity.Caller;
import org.gongzhi.core.identity.InvalidTokenException;
import org.gongzhi.core.identity.InvalidTokenException.Reason;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * The validator against a real HTTP JWKS endpoint on 127.0.0.1 serving the realms of two districts
 * (吉州 jizhou, 东湖 donghu) and the city.
 */
public class KeycloakTokenValidatorTest {

    private static RSAKey jizhouKey;
    private static RSAKey jizhouNextKey;
    private static RSAKey jizhouEncryptionKey;
    private static RSAKey donghuKey;
    private static RSAKey cityKey;
    private static RSAKey strangerKey;

    private KeycloakStub keycloak;
    private KeycloakTokenValidator validator;

    @BeforeClass
    public static void keys() {
        jizhouKey = Tokens.signingKey("jizhou-1");
        jizhouNextKey = Tokens.signingKey("jizhou-2");
        jizhouEncryptionKey = Tokens.encryptionKey("jizhou-enc");
        donghuKey = Tokens.signingKey("donghu-1");
        cityKey = Tokens.signingKey("city-1");
        strangerKey = Tokens.signingKey("stranger");
    }

    @Before
    public void start() throws Exception {
        keycloak = new KeycloakStub();
        keycloak.publish("jizhou", jizhouKey, jizhouEncryptionKey);
        keycloak.publish("donghu", donghuKey);
        keycloak.publish("gongzhi-city", cityKey);
        keycloak.publish("city", cityKey);
        validator = new KeycloakTokenValidator(settings("jizhou", "donghu", "city"));
    }

    @After
    public void stop() {
        validator.deactivate();
        keycloak.close();
    }

    private Settings settings(String... tenants) {
        return new Settings(keycloak.url(), Set.of(tenants), "gongzhi-api", Duration.ofSeconds(300),
                Duration.ofSeconds(30), Settings.CLOCK_SKEW);
    }

    private String issuer(String realm) {
        return keycloak.url() + "/realms/" + realm;
    }

    private InvalidTokenException refused(String token, Reason reason) {
        InvalidTokenException e = catchThrowableOfType(InvalidTokenException.class, () -> validator.validate(token));
        assertThat(e).as("refusal of the token").isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        return e;
    }

    // --- accepted tokens ---

    @Test
    public void aPersonsTokenGivesTenantRolesAndClient() throws Exception {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher", "default-roles-jizhou").build();

        Caller caller = validator.validate(Tokens.sign(claims, jizhouKey));

        assertThat(caller.tenantId()).isEqualTo("jizhou");
        assertThat(caller.subject()).isEqualTo(claims.getSubject());
        assertThat(caller.username()).isEqualTo("dispatcher.li");
        assertThat(caller.roles()).containsExactlyInAnyOrder("dispatcher", "default-roles-jizhou");
        assertThat(caller.hasRole("dispatcher")).isTrue();
        assertThat(caller.hasRole("city-admin")).isFalse();
        assertThat(caller.clientId()).isEqualTo("gongzhi-web");
        assertThat(caller.department()).isNull();
        assertThat(caller.grids()).isEmpty();
    }

    @Test
    public void aGridWorkersGridsComeAsArrayOrSingleString() throws Exception {
        JWTClaimsSet two = Tokens.person(issuer("jizhou"), "jz-grid2", "grid-worker")
                .claim("grids", java.util.List.of("360802001001002", "360802001002001")).build();
        JWTClaimsSet one = Tokens.person(issuer("jizhou"), "jz-grid1", "grid-worker")
                .claim("grids", "360802001001001").build();

        assertThat(validator.validate(Tokens.sign(two, jizhouKey)).grids())
                .containsExactlyInAnyOrder("360802001001002", "360802001002001");
        assertThat(validator.validate(Tokens.sign(one, jizhouKey)).grids()).containsExactly("360802001001001");
    }

    @Test
    public void gridsOfTheWrongTypeAreMalformed() throws Exception {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "jz-grid1", "grid-worker").claim("grids", 42).build();

        InvalidTokenException e = catchThrowableOfType(() -> validator.validate(Tokens.sign(claims, jizhouKey)),
                InvalidTokenException.class);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    public void aDepartmentSystemsServiceAccountCarriesItsDepartment() throws Exception {
        String token = Tokens.sign(Tokens.departmentSystem(issuer("donghu"), "donghu-cg", "CG").build(), donghuKey);

        Caller caller = validator.validate(token);

        assertThat(caller.tenantId()).isEqualTo("donghu");
        assertThat(caller.department()).isEqualTo("CG");
        assertThat(caller.clientId()).isEqualTo("donghu-cg");
        assertThat(caller.username()).isEqualTo("service-account-donghu-cg");
        assertThat(caller.roles()).containsExactly("department-handler");
    }

    @Test
    public void theCityRealmIsTenantCity() throws Exception {
        String token = Tokens.sign(Tokens.person(issuer("gongzhi-city"), "admin.wang", "city-admin").build(), cityKey);

        Caller caller = validator.validate(token);

        assertThat(caller.tenantId()).isEqualTo("city");
        assertThat(caller.roles()).containsExactly("city-admin");
    }

    @Test
    public void aTokenWithoutRealmRolesHasNoRoles() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(Tokens.person(issuer("jizhou"), "resident.zhao").build())
                .claim("realm_access", null).build();

        assertThat(validator.validate(Tokens.sign(claims, jizhouKey)).roles()).isEmpty();
    }

    @Test
    public void clockSkewOfThirtySecondsIsTolerated() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet justExpired = Tokens.person(issuer("jizhou"), "grid.chen", "grid-worker")
                .expirationTime(Date.from(now.minusSeconds(20))).build();
        JWTClaimsSet almostValid = Tokens.person(issuer("jizhou"), "grid.chen", "grid-worker")
                .notBeforeTime(Date.from(now.plusSeconds(20))).build();

        assertThat(validator.validate(Tokens.sign(justExpired, jizhouKey)).tenantId()).isEqualTo("jizhou");
        assertThat(validator.validate(Tokens.sign(almostValid, jizhouKey)).tenantId()).isEqualTo("jizhou");
    }

    // --- tenants: the issuer's realm, and only trusted ones ---

    @Test
    public void aTokenOfDistrictAIsRefusedWhereOnlyDistrictBIsTrusted() {
        validator.deactivate();
        validator = new KeycloakTokenValidator(settings("donghu"));
        String jizhouToken = Tokens.sign(Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build(), jizhouKey);

        refused(jizhouToken, Reason.WRONG_ISSUER);
        assertThat(keycloak.requests("jizhou")).as("no key fetched for an untrusted realm").isZero();
    }

    @Test
    public void aTokenClaimingDistrictBButSignedByDistrictAIsRefused() {
        JWTClaimsSet claimsB = Tokens.person(issuer("donghu"), "dispatcher.li", "dispatcher").build();

        refused(Tokens.sign(claimsB, jizhouKey), Reason.UNKNOWN_KEY);
        refused(Tokens.sign(claimsB, jizhouKey, donghuKey.getKeyID()), Reason.BAD_SIGNATURE);
    }

    @Test
    public void otherIssuersAreRefused() {
        String otherHost = "http://keycloak.example.org/realms/jizhou";
        refused(Tokens.sign(Tokens.person(otherHost, "x", "dispatcher").build(), jizhouKey), Reason.WRONG_ISSUER);
        refused(Tokens.sign(Tokens.person(issuer("master"), "admin", "admin").build(), jizhouKey), Reason.WRONG_ISSUER);
        refused(Tokens.sign(Tokens.person(issuer("jizhou") + "/", "x").build(), jizhouKey), Reason.WRONG_ISSUER);
        refused(Tokens.sign(Tokens.person(null, "x").build(), jizhouKey), Reason.WRONG_ISSUER);
    }

    @Test
    public void aRealmNamedCityIsNotTheCity() {
        refused(Tokens.sign(Tokens.person(issuer("city"), "admin.wang", "city-admin").build(), cityKey), Reason.WRONG_ISSUER);
    }

    // --- time ---

    @Test
    public void anExpiredTokenIsRefused() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "grid.chen", "grid-worker")
                .issueTime(Date.from(Instant.now().minusSeconds(600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(40))).build();

        refused(Tokens.sign(claims, jizhouKey), Reason.EXPIRED);
    }

    @Test
    public void aTokenNotYetValidIsRefused() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "grid.chen", "grid-worker")
                .notBeforeTime(Date.from(Instant.now().plusSeconds(40))).build();

        refused(Tokens.sign(claims, jizhouKey), Reason.NOT_YET_VALID);
    }

    @Test
    public void aTokenWithoutExpiryIsRefused() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "grid.chen", "grid-worker").expirationTime(null).build();

        refused(Tokens.sign(claims, jizhouKey), Reason.MALFORMED);
    }

    // --- audience ---

    @Test
    public void aTokenForAnotherAudienceIsRefused() {
        JWTClaimsSet accountOnly = Tokens.person(issuer("jizhou"), "resident.zhao", "resident").audience("account").build();
        JWTClaimsSet noAudience = Tokens.person(issuer("jizhou"), "resident.zhao", "resident").audience((String) null).build();

        refused(Tokens.sign(accountOnly, jizhouKey), Reason.WRONG_AUDIENCE);
        refused(Tokens.sign(noAudience, jizhouKey), Reason.WRONG_AUDIENCE);
    }

    @Test
    public void aSingleStringAudienceIsAccepted() throws Exception {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "resident.zhao", "resident").audience("gongzhi-api").build();

        assertThat(validator.validate(Tokens.sign(claims, jizhouKey)).roles()).containsExactly("resident");
    }

    // --- signatures ---

    @Test
    public void anUnsignedTokenIsRefused() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build();
        String plain = new PlainJWT(claims).serialize();
        String signed = Tokens.sign(claims, jizhouKey);
        String noneWithSignature = new PlainHeader().toBase64URL() + signed.substring(signed.indexOf('.'));

        refused(plain, Reason.UNSIGNED);
        refused(noneWithSignature, Reason.UNSIGNED);
    }

    @Test
    public void aTokenSignedByAnUnknownKeyIsRefused() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build();

        refused(Tokens.sign(claims, strangerKey), Reason.UNKNOWN_KEY);
        refused(Tokens.sign(claims, strangerKey, jizhouKey.getKeyID()), Reason.BAD_SIGNATURE);
    }

    @Test
    public void aTokenWithoutKeyIdIsCheckedAgainstTheRealmsSigningKeys() throws Exception {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build();

        assertThat(validator.validate(Tokens.sign(claims, jizhouKey, null)).tenantId()).isEqualTo("jizhou");
        refused(Tokens.sign(claims, strangerKey, null), Reason.BAD_SIGNATURE);
    }

    @Test
    public void theRealmsEncryptionKeyNeverVerifiesASignature() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build();

        refused(Tokens.sign(claims, jizhouEncryptionKey), Reason.UNKNOWN_KEY);
    }

    @Test
    public void aTamperedTokenIsRefused() {
        String token = Tokens.sign(Tokens.person(issuer("jizhou"), "resident.zhao", "resident").build(), jizhouKey);
        JWTClaimsSet promoted = Tokens.person(issuer("jizhou"), "resident.zhao", "resident", "dispatcher").build();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(promoted.toString()) + "." + parts[2];

        refused(tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    public void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build();
        byte[] publicKeyBytes = jizhouKey.toRSAPublicKey().getEncoded();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(jizhouKey.getKeyID()).build(), claims);
        hmac.sign(new MACSigner(publicKeyBytes));

        assertThat(refused(hmac.serialize(), Reason.BAD_SIGNATURE)).hasMessageContaining("HS256");
    }

    // --- keys: cached, rotated, rate-limited, unavailable ---

    @Test
    public void theJwksIsFetchedOnceAndThenCached() throws Exception {
        for (int i = 0; i < 50; i++) {
            validator.validate(Tokens.sign(Tokens.person(issuer("jizhou"), "grid.chen" + i, "grid-worker").build(), jizhouKey));
        }
        assertThat(keycloak.requests("jizhou")).isEqualTo(1);
        assertThat(keycloak.requests("donghu")).as("realms are fetched when first needed").isZero();
    }

    @Test
    public void concurrentFirstRequestsFetchTheJwksOnce() throws Exception {
        String token = Tokens.sign(Tokens.person(issuer("donghu"), "mediator.sun", "mediator").build(), donghuKey);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Caller>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> validator.validate(token));
            }
            for (Future<Caller> result : pool.invokeAll(calls)) {
                assertThat(result.get().tenantId()).isEqualTo("donghu");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keycloak.requests("donghu")).isEqualTo(1);
    }

    @Test
    public void aRotatedKeyIsPickedUpWithoutRestart() throws Exception {
        String before = Tokens.sign(Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build(), jizhouKey);
        validator.validate(before);
        assertThat(keycloak.requests("jizhou")).isEqualTo(1);

        // Keycloak: a new active key; the old one stays published (passive) while its tokens live
        keycloak.publish("jizhou", jizhouNextKey, jizhouKey, jizhouEncryptionKey);
        String after = Tokens.sign(Tokens.person(issuer("jizhou"), "dispatcher.li", "dispatcher").build(), jizhouNextKey);

        assertThat(validator.validate(after).tenantId()).isEqualTo("jizhou");
        assertThat(keycloak.requests("jizhou")).as("one refetch for the unknown kid").isEqualTo(2);
        assertThat(validator.validate(before).tenantId()).isEqualTo("jizhou");
        assertThat(validator.validate(after).tenantId()).isEqualTo("jizhou");
        assertThat(keycloak.requests("jizhou")).isEqualTo(2);
    }

    @Test
    public void unknownKeyIdsDoNotHammerKeycloak() {
        for (int i = 0; i < 20; i++) {
            JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "x", "dispatcher").build();
            refused(Tokens.sign(claims, strangerKey, "forged-" + i), Reason.UNKNOWN_KEY);
        }
        // the first fetch, and one refetch for an unknown kid; then rate-limited (2 per 30 s)
        assertThat(keycloak.requests("jizhou")).isEqualTo(2);
    }

    @Test
    public void anUnreachableJwksIsNotTheCallersFault() {
        keycloak.fail("donghu", 503);
        String token = Tokens.sign(Tokens.person(issuer("donghu"), "mediator.sun", "mediator").build(), donghuKey);

        refused(token, Reason.KEYS_UNAVAILABLE);
    }

    // --- malformed input ---

    @Test
    public void garbageIsMalformed() {
        String valid = Tokens.sign(Tokens.person(issuer("jizhou"), "x", "dispatcher").build(), jizhouKey);
        String[] parts = valid.split("\\.");
        for (String token : new String[] { null, "", "   ", "abc", "a.b.c", "Bearer " + valid,
                parts[0] + "." + Base64URL.encode("not json") + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2] + "." + parts[2],
                valid + "x".repeat(KeycloakTokenValidator.MAX_TOKEN_CHARS) }) {
            refused(token, Reason.MALFORMED);
        }
    }

    @Test
    public void aTokenWithoutSubjectIsMalformed() {
        JWTClaimsSet claims = Tokens.person(issuer("jizhou"), "x", "dispatcher").subject(null).build();

        refused(Tokens.sign(claims, jizhouKey), Reason.MALFORMED);
    }

    // --- configuration changes ---

    @Test
    public void addingATenantKeepsTheOtherRealmsCachedKeys() throws Exception {
        validator.deactivate();
        validator = new KeycloakTokenValidator(settings("jizhou"));
        String jizhouToken = Tokens.sign(Tokens.person(issuer("jizhou"), "x", "dispatcher").build(), jizhouKey);
        String donghuToken = Tokens.sign(Tokens.person(issuer("donghu"), "y", "dispatcher").build(), donghuKey);
        validator.validate(jizhouToken);
        refused(donghuToken, Reason.WRONG_ISSUER);

        validator.reconfigure(settings("jizhou", "donghu"));
        assertThat(validator.validate(donghuToken).tenantId()).isEqualTo("donghu");
        validator.validate(jizhouToken);
        assertThat(keycloak.requests("jizhou")).isEqualTo(1);

        validator.reconfigure(settings("donghu"));
        refused(jizhouToken, Reason.WRONG_ISSUER);
    }

    @Test
    public void changingTheAudienceAppliesToEveryRealm() throws Exception {
        String token = Tokens.sign(Tokens.person(issuer("jizhou"), "x", "dispatcher").build(), jizhouKey);
        validator.validate(token);

        validator.reconfigure(new Settings(keycloak.url(), Set.of("jizhou"), "another-api", Duration.ofSeconds(300),
                Duration.ofSeconds(30), Settings.CLOCK_SKEW));

        refused(token, Reason.WRONG_AUDIENCE);
    }
}
