package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;
import org.gongzhi.plugin.tck.MutableClock;

/** A tenant {@code jiangbei} with in-memory storage and a hand-moved clock, for tests of the books. */
final class Scenario {

    static final String TENANT = "jiangbei";
    static final String JIANXIN = "500105001001";
    static final String YANGHE = "500105001002";
    static final String ORG = "52500105MJP123456X";

    final MutableClock clock = new MutableClock("2026-10-08T02:00:00Z");
    final InMemoryPluginStorage storage = new InMemoryPluginStorage(clock, List.of(TENANT, "donghu"));
    final Books books = new Books(storage, TENANT, clock);
    private int sequence;

    RecordCollection collection(String name) {
        return storage.collection(TENANT, ThreeLinkedModel.ID, name);
    }

    /** Lets {@code rival} write just before the next put into collection {@code name}, as a concurrent request. */
    void beforeNextPut(String name, Runnable rival) {
        storage.beforeNextPut(TENANT, ThreeLinkedModel.ID, name, rival);
    }

    Need collect(String community, String category, Urgency urgency) {
        sequence++;
        return books.needs().create(Need.collected("need-" + sequence, community, "居民" + sequence, "13800000000",
                category, "诉求 " + sequence, NeedChannel.ONLINE, urgency, clock.instant(), null));
    }

    Organisation organisation() {
        return books.registry().register(new Organisation(ORG, 0, "暖洋洋社会工作服务中心", ORG,
                List.of("社区养老", "社会救助"), clock.instant()));
    }

    SocialWorker worker(String certificate, CertificateLevel level, String certifiedOn) {
        return books.registry().register(new SocialWorker(certificate, 0, "社工" + certificate, level.wire(),
                certificate, null, LocalDate.parse(certifiedOn)));
    }

    /** Collects needs, holds the community's Q4 meeting and takes every item on. */
    Meeting decidedMeeting(String community, String... categories) {
        for (String c : categories) {
            collect(community, c, Urgency.NORMAL);
        }
        MeetingBook meetings = books.meetings();
        Meeting m = meetings.convene(community, new Quarter(2026, 4), LocalDate.parse("2026-10-20"));
        clock.set("2026-10-20T06:00:00Z");
        meetings.attend(m.id(), LocalDate.parse("2026-10-20"), List.of(new Meeting.Attendee("李主任", "社区书记")));
        for (AgendaItem item : m.agenda()) {
            m = meetings.decide(m.id(), item.number(), Decision.TAKE_ON, null, List.of());
        }
        return m;
    }

    Need need(String id) {
        return books.needs().require(id);
    }

    Instant now() {
        return clock.instant();
    }
}
