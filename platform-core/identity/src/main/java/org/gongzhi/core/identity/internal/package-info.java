/**
 * The nimbus-jose-jwt implementation of {@link org.gongzhi.core.identity.TokenValidator}: one
 * verifier per trusted realm, each with its own cached JWKS. Not exported.
 */
package org.gongzhi.core.identity.internal;
