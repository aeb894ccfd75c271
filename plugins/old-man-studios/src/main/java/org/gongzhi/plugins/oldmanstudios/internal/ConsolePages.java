package org.gongzhi.plugins.oldmanstudios.internal;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ModulePage;
import org.osgi.service.component.annotations.Component;

/**
 * The model's pages in the web console (控制台页面), each an ES module {@code console/<id>.js} under
 * {@code src/main/resources}, served by the core at {@code /console/plugins/old-man-studios/<id>.js}.
 * They use the endpoints of this plugin through the console's {@code ctx.api}; department handlers
 * (who only read) get no forms.
 */
public final class ConsolePages {

    private ConsolePages() {
    }

    /** 老倌俚工作室: the villages' studios and their elders; registering a studio. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Studios extends ModulePage {
        public Studios() {
            super(OldManStudiosModel.ID, "studios", "老倌俚工作室", "Old-man studios", 10);
        }
    }

    /** 矛盾纠纷: the latest disputes; registering one, assigning one by the rule. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Disputes extends ModulePage {
        public Disputes() {
            super(OldManStudiosModel.ID, "disputes", "矛盾纠纷", "Disputes", 20);
        }
    }

    /** 调解会: the sessions held on the latest disputes; recording one. For the mediators and the centre. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Sessions extends ModulePage {
        public Sessions() {
            super(OldManStudiosModel.ID, "sessions", "调解会", "Mediation sessions", 30, "district-admin", "dispatcher", "mediator");
        }
    }
}
