package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A service order (服务项目/订单) published from decided needs, collection {@code orders}: one
 * taker (接单), a delivery (服务记录) and a rating (评价). Status: published → taken → delivered → rated.
 *
 * @param beneficiaries people served (受益人次), set on delivery
 */
public record ServiceOrder(String id, long version, String community, String title, String description,
                           String serviceArea, List<String> needIds, String status, Instant publishedAt,
                           Taker taker, Instant takenAt, String deliveryNote, Integer beneficiaries,
                           Instant deliveredAt, Rating rating) {

    static final String PUBLISHED = "published";
    static final String TAKEN = "taken";
    static final String DELIVERED = "delivered";
    static final String RATED = "rated";

    /** Who took the order: {@code organisation} or {@code social-worker}, its id and name. */
    public record Taker(String type, String id, String name) {
    }

    /** 评价: a score from 1 to 5 by the {@code resident} or the {@code community}. */
    public record Rating(int score, String by, String comment, Instant at) {
    }

    public ServiceOrder {
        needIds = List.copyOf(needIds == null ? List.of() : needIds);
    }

    ServiceOrder taken(Taker who, Instant at) {
        return new ServiceOrder(id, version, community, title, description, serviceArea, needIds, TAKEN, publishedAt,
                who, at, null, null, null, null);
    }

    ServiceOrder delivered(String note, int people, Instant at) {
        return new ServiceOrder(id, version, community, title, description, serviceArea, needIds, DELIVERED,
                publishedAt, taker, takenAt, note, people, at, null);
    }

    ServiceOrder rated(Rating r) {
        return new ServiceOrder(id, version, community, title, description, serviceArea, needIds, RATED, publishedAt,
                taker, takenAt, deliveryNote, beneficiaries, deliveredAt, r);
    }

    Map<String, Object> toData() {
        Map<String, Object> who = taker == null ? null
                : Data.builder().put("type", taker.type()).put("id", taker.id()).put("name", taker.name()).build();
        Map<String, Object> score = rating == null ? null : Data.builder().put("score", rating.score())
                .put("by", rating.by()).put("comment", rating.comment()).put("at", rating.at()).build();
        return Data.builder().put("community", community).put("title", title).put("description", description)
                .put("serviceArea", serviceArea).put("needIds", needIds).put("status", status)
                .put("publishedAt", publishedAt).put("taker", who).put("takenAt", takenAt)
                .put("deliveryNote", deliveryNote).put("beneficiaries", beneficiaries).put("deliveredAt", deliveredAt)
                .put("rating", score).build();
    }

    /** Refs: community, status, each need, and the taker once taken. */
    List<String> toRefs() {
        List<String> refs = new ArrayList<>(List.of("community=" + community, "status=" + status));
        needIds.forEach(n -> refs.add("need=" + n));
        if (taker != null) {
            refs.add("taker=" + taker.type() + ":" + taker.id());
        }
        return refs;
    }

    static ServiceOrder from(PluginRecord r) {
        Map<String, Object> d = r.data();
        Map<String, Object> who = Data.map(d, "taker");
        Map<String, Object> score = Data.map(d, "rating");
        return new ServiceOrder(r.id(), r.version(), Data.str(d, "community"), Data.str(d, "title"),
                Data.str(d, "description"), Data.str(d, "serviceArea"), Data.strings(d, "needIds"),
                Data.str(d, "status"), Data.instant(d, "publishedAt"),
                who == null ? null : new Taker(Data.str(who, "type"), Data.str(who, "id"), Data.str(who, "name")),
                Data.instant(d, "takenAt"), Data.str(d, "deliveryNote"), Data.integer(d, "beneficiaries"),
                Data.instant(d, "deliveredAt"), score == null ? null : new Rating(Data.integer(score, "score"),
                Data.str(score, "by"), Data.str(score, "comment"), Data.instant(score, "at")));
    }
}
