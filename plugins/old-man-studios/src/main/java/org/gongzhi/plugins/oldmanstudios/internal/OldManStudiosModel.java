package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.ZoneId;

import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.service.component.annotations.Component;

/**
 * 老倌俚工作室: the Donghu (Nanchang) model of village elder mediation. Disputes between villagers
 * go to the studio of respected elders of their village; in urban streets third-party mediation
 * organisations take them; a district expert pool backs both up.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
public final class OldManStudiosModel implements DistrictModel {

    /** Model id used in tenant definitions, URLs and storage. */
    public static final String ID = "old-man-studios";

    /** All dates (registration, sessions, agreements, figures) are days of the tenants' time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String nameZh() {
        return "老倌俚工作室";
    }

    @Override
    public String nameEn() {
        return "Old-man studios (village elder mediation)";
    }

    @Override
    public String version() {
        return "1.0.0";
    }
}
