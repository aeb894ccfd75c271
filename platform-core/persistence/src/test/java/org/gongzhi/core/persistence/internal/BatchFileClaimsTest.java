package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.ClassRule;
import org.junit.Test;

/** Claims on hotline batch files on a real PostgreSQL: the first claim of a key wins, a released key is free again. */
public class BatchFileClaimsTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    @Test
    public void theFirstNodeToClaimAFileImportsItAndAReleasedClaimIsFreeAgain() {
        HibernateBatchFileClaims claims = new HibernateBatchFileClaims(FIX.db);
        String key = "batch-1.csv-2048-1765000000000";

        assertThat(claims.claimed(key)).isFalse();
        assertThat(claims.claim(key, "node-1")).isTrue();
        assertThat(claims.claim(key, "node-2")).as("another node").isFalse();
        assertThat(claims.claim(key, "node-1")).as("the same node again").isFalse();
        assertThat(claims.claimed(key)).isTrue();
        assertThat(claims.claim("batch-1.csv-2048-1765000099999", "node-2")).as("a new file of the same name").isTrue();

        claims.release(key, "node-2");
        assertThat(claims.claimed(key)).as("only its holder gives a claim back").isTrue();
        claims.release(key, "node-1");
        assertThat(claims.claimed(key)).isFalse();
        assertThat(claims.claim(key, "node-2")).isTrue();
        assertThatThrownBy(() -> claims.claim(" ", "node-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
