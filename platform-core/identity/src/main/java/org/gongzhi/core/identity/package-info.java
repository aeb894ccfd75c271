/**
 * Who is calling (身份认证): the platform's contract for validating the bearer tokens that
 * Keycloak issues, one realm per tenant (district, 区县; the city's realm is {@code gongzhi-city}).
 *
 * <p>{@link org.gongzhi.core.identity.TokenValidator} is implemented by the identity bundle and
 * called by the platform's authentication seam (the REST layer); plugins never call it. It turns
 * a token into a {@link org.gongzhi.core.identity.Caller} or refuses it with an
 * {@link org.gongzhi.core.identity.InvalidTokenException} that names the reason. No JOSE
 * library's types appear here.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.identity;
