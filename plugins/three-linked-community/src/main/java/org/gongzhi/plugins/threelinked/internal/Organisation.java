package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/**
 * A registered social organisation or social-work agency (社会组织、社工机构), collection
 * {@code organisations}; its id is its registration number (统一社会信用代码).
 *
 * @param serviceAreas what it offers, e.g. 社区养老, 社会救助, 社区融合
 */
public record Organisation(String id, long version, String name, String registrationNo,
                           List<String> serviceAreas, Instant registeredAt) {

    public Organisation {
        serviceAreas = List.copyOf(serviceAreas == null ? List.of() : serviceAreas);
    }

    Map<String, Object> toData() {
        return Data.builder().put("name", name).put("registrationNo", registrationNo).put("serviceAreas", serviceAreas)
                .put("registeredAt", registeredAt).build();
    }

    List<String> toRefs() {
        return serviceAreas.stream().map(a -> "area=" + a).toList();
    }

    static Organisation from(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new Organisation(r.id(), r.version(), Data.str(d, "name"), Data.str(d, "registrationNo"),
                Data.strings(d, "serviceAreas"), Data.instant(d, "registeredAt"));
    }
}
