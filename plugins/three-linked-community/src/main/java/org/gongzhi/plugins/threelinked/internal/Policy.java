package org.gongzhi.plugins.threelinked.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;

/** A published policy for residents (惠民政策), collection {@code policies}, filed under a category. */
public record Policy(String id, long version, String category, String title, String summary, String issuingBody,
                     LocalDate effectiveOn) {

    Map<String, Object> toData() {
        return Data.builder().put("category", category).put("title", title).put("summary", summary)
                .put("issuingBody", issuingBody).put("effectiveOn", effectiveOn).build();
    }

    List<String> toRefs() {
        return List.of("category=" + category);
    }

    static Policy from(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new Policy(r.id(), r.version(), Data.str(d, "category"), Data.str(d, "title"), Data.str(d, "summary"),
                Data.str(d, "issuingBody"), Data.date(d, "effectiveOn"));
    }
}
