package org.gongzhi.plugins.threelinked.internal;

import java.util.Set;

import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
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
            return ThreeLinkedModel.ID;
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

    /** 联需求: residents' needs as collected (masked); registering one. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Needs extends Page {
        public Needs() {
            super("needs", "居民需求", "Residents' needs", 10);
        }
    }

    /** 联服务: service orders from decided needs; publishing one. For social workers and the centre. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Orders extends Page {
        public Orders() {
            super("orders", "服务订单", "Service orders", 20, "district-admin", "dispatcher", "social-worker");
        }
    }

    /** 百姓管家: the quarterly meetings and their agendas; convening, attendance, decisions. */
    @Component(service = ConsolePage.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
    public static final class Meetings extends Page {
        public Meetings() {
            super("meeting", "百姓管家议事会", "Steward meetings", 30, "district-admin", "dispatcher", "social-worker");
        }
    }
}
