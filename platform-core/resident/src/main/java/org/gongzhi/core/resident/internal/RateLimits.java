package org.gongzhi.core.resident.internal;

import java.time.Duration;
import java.util.function.Function;

import org.gongzhi.core.service.RateLimitedException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * The abuse limits of the resident page (Bucket4j token buckets, in this node's memory): one-time
 * codes per phone (1 a minute, {@code codesPerPhonePerHour}, {@code codesPerPhonePerDay}) and per
 * client address ({@code codesPerAddressPerHour}); reports per resident ({@code reportsPerPhonePerDay})
 * and per grid ({@code reportsPerGridPerHour}). A refused request is a {@link RateLimitedException} with
 * the time after which one token is back. Each limit is a window from the bucket's first use that is
 * refilled whole when it ends ("5 an hour" is at most 5 in each hour from then). Buckets of sources not seen for a day are forgotten (at most
 * {@value #MAX_BUCKETS} kept): a full bucket and a forgotten one are the same.
 *
 * <p>Per node: behind a load balancer over n nodes a source may get up to n times the limits; the
 * database rules (one code per minute per phone, {@link ResidentAccounts}) hold across nodes.
 */
final class RateLimits {

    static final int MAX_BUCKETS = 200_000;

    /** Tokens taken for a report; given back when the report turned out to be a replay or failed. */
    interface Permit {
        void refund();
    }

    private final Settings.Limits limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(25))
            .maximumSize(MAX_BUCKETS).build();

    RateLimits(Settings.Limits limits, TimeMeter time) {
        this.limits = limits;
        this.time = time;
    }

    /**
     * Counts a one-time code asked for {@code phoneHash} from {@code address}.
     *
     * @throws RateLimitedException naming {@code phone} or the address limit
     */
    void code(String tenant, String phoneHash, String address) {
        Bucket phone = bucket("code-phone|" + tenant + "|" + phoneHash, b -> b
                .addLimit(l -> per(l, 1, Duration.ofMinutes(1)))
                .addLimit(l -> per(l, limits.codesPerPhonePerHour(), Duration.ofHours(1)))
                .addLimit(l -> per(l, limits.codesPerPhonePerDay(), Duration.ofDays(1))));
        take(phone, "phone", "该手机号获取验证码过于频繁 (too many codes for this phone number)");
        try {
            take(bucket("code-address|" + address, b -> b
                            .addLimit(l -> per(l, limits.codesPerAddressPerHour(), Duration.ofHours(1)))),
                    null, "本网络地址获取验证码过于频繁 (too many codes from this address)");
        } catch (RateLimitedException e) {
            phone.addTokens(1);
            throw e;
        }
    }

    /**
     * Counts a report of {@code subject} in {@code grid} ({@code null}: not located to a grid).
     *
     * @throws RateLimitedException naming the resident's or the grid's limit
     */
    Permit report(String tenant, String subject, String grid) {
        Bucket resident = bucket("report-resident|" + tenant + "|" + subject,
                b -> b.addLimit(l -> per(l, limits.reportsPerPhonePerDay(), Duration.ofDays(1))));
        take(resident, null, "今日上报次数已达上限 (you reached today's number of reports)");
        if (grid == null) {
            return () -> resident.addTokens(1);
        }
        Bucket inGrid = bucket("report-grid|" + tenant + "|" + grid,
                b -> b.addLimit(l -> per(l, limits.reportsPerGridPerHour(), Duration.ofHours(1))));
        try {
            take(inGrid, "gridCode", "该网格上报过于集中，请稍后再试 (too many reports in this grid: try again later)");
        } catch (RateLimitedException e) {
            resident.addTokens(1);
            throw e;
        }
        return () -> {
            resident.addTokens(1);
            inGrid.addTokens(1);
        };
    }

    private static BandwidthBuilderBuildStage per(BandwidthBuilderCapacityStage limit, int tokens, Duration period) {
        return limit.capacity(tokens).refillIntervally(tokens, period); // N per window, as the limits are stated
    }

    private Bucket bucket(String key, Function<LocalBucketBuilder, LocalBucketBuilder> limits) {
        return buckets.get(key, k -> limits.apply(Bucket.builder().withCustomTimePrecision(time)).build());
    }

    private static void take(Bucket bucket, String field, String message) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(field, Duration.ofNanos(probe.getNanosToWaitForRefill()), message);
        }
    }
}
