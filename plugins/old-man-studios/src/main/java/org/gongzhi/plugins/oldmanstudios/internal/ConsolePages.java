package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Set;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
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

    /** What the pages share: the model, and the module {@code console/<id>.js}. */
    abstract static class Page implements ConsolePage {
        private final String id;
        private final String labelZh;
        private final String labelEn;
        private final int order;
        private final Set<String> roles;

        Page(String id, String labelZh, String labelEn, int order, String... roles) {
            this.id = id;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
            this.order = order;
            this.roles = Set.of(roles);
        }

        @Override
        public String model() {
            return OldManStudiosModel.ID;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String labelZh() {
            return labelZh;
        }

        @Override
        public String labelEn() {
            return labelEn;
        }

        @Override
        public String module() {
            return "console/" + id + ".js";
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public Set<String> roles() {
            return roles;
        }
    }

    /** 老倌俚工作室: the villages' studios and their elders; registering a studio. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Studios extends Page {
        public Studios() {
            super("studios", "老倌俚工作室", "Old-man studios", 10);
        }
    }

    /** 矛盾纠纷: the latest disputes; registering one, assigning one by the rule. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Disputes extends Page {
        public Disputes() {
            super("disputes", "矛盾纠纷", "Disputes", 20);
        }
    }

    /** 调解会: the sessions held on the latest disputes; recording one. For the mediators and the centre. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
    public static final class Sessions extends Page {
        public Sessions() {
            super("sessions", "调解会", "Mediation sessions", 30, "district-admin", "dispatcher", "mediator");
        }
    }
}
