package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Which paths the seam lets through without a bearer token. */
public class AuthenticationSeamTest {

    @Test
    public void healthAndOpenApiArePublic() {
        assertThat(AuthenticationSeam.isPublic("api/v1/health")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/api/v1/health/")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/api/v1/openapi.yaml")).isTrue();
    }

    @Test
    public void open311IsPublic() {
        assertThat(AuthenticationSeam.isPublic("open311/v2/services.json")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/open311/v2/requests/360802-20261122-000001.xml")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/open311/")).isTrue();
    }

    @Test
    public void theResidentPagesApiIsPublicItChecksItsOwnSessions() {
        assertThat(AuthenticationSeam.isPublic("api/v1/resident/jizhou")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/api/v1/resident/jizhou/reports/0e4b3c2a-1d2e-4f5a-8b9c-0d1e2f3a4b5c")).isTrue();
        assertThat(AuthenticationSeam.isPublic("/api/v1/resident/")).isTrue();
    }

    @Test
    public void everythingElseNeedsAToken() {
        assertThat(AuthenticationSeam.isPublic("api/v1/tenants/jizhou/cases")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/api/v1/health/details")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/open311")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/api/v1/open311/v2/services.json")).isFalse();
        assertThat(AuthenticationSeam.isPublic("open3110/x")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/api/v1/resident")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/api/v1/residents/jizhou")).isFalse();
        assertThat(AuthenticationSeam.isPublic("/api/v1/tenants/jizhou/resident/x")).isFalse();
    }
}
