package org.gongzhi.plugins.threelinked.internal;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.ModulePage;
import org.osgi.service.component.annotations.Component;

/**
 * The model's pages in the web console (控制台页面), each an ES module {@code console/<id>.js} under
 * {@code src/main/resources}, served by the core at {@code /console/plugins/three-linked-community/<id>.js}.
 * They use the endpoints of this plugin through the console's {@code ctx.api}; department handlers
 * (who only read) get no forms.
 */
public final class ConsolePages {

    private ConsolePages() {
    }

    /** 联需求: residents' needs as collected (masked); registering one. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Needs extends ModulePage {
        public Needs() {
            super(ThreeLinkedModel.ID, "needs", "居民需求", "Residents' needs", 10);
        }
    }

    /** 联服务: service orders from decided needs; publishing one. For social workers and the centre. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Orders extends ModulePage {
        public Orders() {
            super(ThreeLinkedModel.ID, "orders", "服务订单", "Service orders", 20, "district-admin", "dispatcher", "social-worker");
        }
    }

    /** 百姓管家: the quarterly meetings and their agendas; convening, attendance, decisions. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Meetings extends ModulePage {
        public Meetings() {
            super(ThreeLinkedModel.ID, "meeting", "百姓管家议事会", "Steward meetings", 30, "district-admin", "dispatcher", "social-worker");
        }
    }
}
