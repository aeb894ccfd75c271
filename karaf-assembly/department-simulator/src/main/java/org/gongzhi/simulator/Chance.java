package org.gongzhi.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Seeded random decisions that depend only on the seed, a purpose and the dispatch id — not on the order in
 * which concurrent deliveries arrive — so a run with the same {@code --seed} and the same dispatches makes the
 * same decisions.
 */
final class Chance {

    private final long seed;

    Chance(long seed) {
        this.seed = seed;
    }

    /** True for about {@code rate} of all keys. */
    boolean hits(String purpose, String key, double rate) {
        if (rate <= 0) {
            return false;
        }
        return rate >= 1 || unit(purpose, key) < rate;
    }

    /** A number in [0, 1) drawn from the SHA-256 of seed, purpose and key. */
    double unit(String purpose, String key) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] digest = sha.digest((seed + "\n" + purpose + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
    }
}
