package org.gongzhi.plugins.threecolour.internal;

import java.util.Set;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.service.component.annotations.Component;

/**
 * The model's pages in the web console (控制台页面), each an ES module {@code console/<id>.js} under
 * {@code src/main/resources}, served by the core at {@code /console/plugins/three-colour-grid/<id>.js}.
 * They use the endpoints of this plugin through the console's {@code ctx.api}; every staff role
 * sees them, and department handlers (who only read) get no forms.
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
            return ThreeColourGridModel.ID;
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

    /** 一格八员花名册: a grid's roster, the roles still missing, putting a person on it. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Roster extends Page {
        public Roster() {
            super("roster", "一格八员花名册", "Grid rosters", 10);
        }
    }

    /** 网格吹哨: the latest whistles and who responded, blowing one. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Whistles extends Page {
        public Whistles() {
            super("whistles", "网格吹哨", "Grid whistles", 20);
        }
    }

    /** 会商记录: the district's consultations, recording one for a red case. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Consultations extends Page {
        public Consultations() {
            super("consultations", "部门会商记录", "Consultations", 30);
        }
    }
}
