package org.gongzhi.plugins.threecolour.internal;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ModulePage;
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

    /** 一格八员花名册: a grid's roster, the roles still missing, putting a person on it. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Roster extends ModulePage {
        public Roster() {
            super(ThreeColourGridModel.ID, "roster", "一格八员花名册", "Grid rosters", 10);
        }
    }

    /** 网格吹哨: the latest whistles and who responded, blowing one. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Whistles extends ModulePage {
        public Whistles() {
            super(ThreeColourGridModel.ID, "whistles", "网格吹哨", "Grid whistles", 20);
        }
    }

    /** 会商记录: the district's consultations, recording one for a red case. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
    public static final class Consultations extends ModulePage {
        public Consultations() {
            super(ThreeColourGridModel.ID, "consultations", "部门会商记录", "Consultations", 30);
        }
    }
}
