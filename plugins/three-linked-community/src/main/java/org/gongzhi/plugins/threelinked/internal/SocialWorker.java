package org.gongzhi.plugins.threelinked.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A certified social worker (持证社会工作者), collection {@code social-workers}; its id is the
 * certificate number.
 *
 * @param level          assistant (助理社会工作师), intermediate (社会工作师) or senior (高级社会工作师)
 * @param organisationId the organisation the worker belongs to; null for a community's own worker
 * @param certifiedOn    date of the certificate
 */
public record SocialWorker(String id, long version, String name, String level, String certificateNo,
                           String organisationId, LocalDate certifiedOn) {

    Map<String, Object> toData() {
        return Data.builder().put("name", name).put("level", level).put("certificateNo", certificateNo)
                .put("organisationId", organisationId).put("certifiedOn", certifiedOn).build();
    }

    List<String> toRefs() {
        return organisationId == null ? List.of("level=" + level)
                : List.of("level=" + level, "organisation=" + organisationId);
    }

    static SocialWorker from(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new SocialWorker(r.id(), r.version(), Data.str(d, "name"), Data.str(d, "level"),
                Data.str(d, "certificateNo"), Data.str(d, "organisationId"), Data.date(d, "certifiedOn"));
    }
}
