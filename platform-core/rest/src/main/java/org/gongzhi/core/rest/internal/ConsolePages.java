package org.gongzhi.core.rest.internal;

import java.net.URL;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.gongzhi.core.tenant.Role;
import org.gongzhi.plugin.api.ConsolePage;
import org.gongzhi.plugin.api.DistrictModel;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of the plugins' console pages ({@link ConsolePage} services), by model and page id:
 * which pages a district's caller sees, and where each page's module lies in its bundle. A page is
 * read once when it is registered; one that breaks the contract is ignored with a warning.
 */
@Component(service = ConsolePages.class)
public final class ConsolePages {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePages.class);
    private static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ID = Pattern.compile(ConsolePage.ID_PATTERN);
    private static final Pattern MODULE = Pattern.compile(ConsolePage.MODULE_PATTERN);
    /** A sibling module a page imports ({@code ./helpers.js}): one file name in the page module's directory. */
    private static final Pattern SIBLING = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.js");
    /** The roles a page may name; a page naming none is for all of them. */
    static final Set<Role> STAFF = Set.copyOf(Arrays.asList(TenantPluginResource.PLUGIN_READERS));

    /** Finds a file in a plugin's bundle by its path, or null: the bundle's {@code getEntry}. */
    @FunctionalInterface
    interface Resources {
        URL find(String path);
    }

    /** A page as registered: its settings read once, and the bundle that holds its module. */
    record Page(String model, String id, String labelZh, String labelEn, String module, Set<Role> roles, int order,
                Resources resources) {

        /** {@code /console/plugins/<model>/<id>.js}. */
        String moduleUrl() {
            return ConsoleModuleServlet.PREFIX + model + "/" + id + ".js";
        }

        private String directory() {
            int slash = module.lastIndexOf('/');
            return slash < 0 ? "" : module.substring(0, slash + 1);
        }
    }

    private static final Comparator<Page> MENU_ORDER = Comparator.comparingInt(Page::order)
            .thenComparing(Page::model).thenComparing(Page::id);

    /** "model/id" → the page and the service object that registered it. */
    private final Map<String, Registered> pages = new ConcurrentHashMap<>();

    private record Registered(Page page, ConsolePage service) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(ConsolePage page, ServiceReference<ConsolePage> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle != null) {
            add(page, ref.getProperty(DistrictModel.MODEL_PROPERTY), path -> entry(bundle, path));
        }
    }

    /** The bundle's file at {@code path}, or null (also once the bundle is uninstalled, in a race with unbinding). */
    private static URL entry(Bundle bundle, String path) {
        try {
            return bundle.getEntry(path);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    void removePage(ConsolePage page, ServiceReference<ConsolePage> ref) {
        remove(page);
    }

    /** Registers {@code service} if it keeps the contract; {@code modelProperty} is its {@code gongzhi.model}. */
    boolean add(ConsolePage service, Object modelProperty, Resources resources) {
        Optional<Page> read = read(service, modelProperty, resources);
        if (read.isEmpty()) {
            return false;
        }
        Page page = read.get();
        Registered earlier = pages.putIfAbsent(page.model() + "/" + page.id(), new Registered(page, service));
        if (earlier != null) {
            LOG.warn("Model {} has two console pages {}: {} kept, {} ignored", page.model(), page.id(),
                    earlier.service(), service);
            return false;
        }
        return true;
    }

    void remove(ConsolePage service) {
        pages.values().removeIf(r -> r.service() == service);
    }

    /**
     * The pages a caller with {@code callerRoles} sees in a district that enabled {@code enabledModels},
     * in menu order.
     */
    List<Page> visible(Collection<String> enabledModels, Set<Role> callerRoles) {
        return pages.values().stream().map(Registered::page)
                .filter(p -> enabledModels.contains(p.model()))
                .filter(p -> p.roles().stream().anyMatch(callerRoles::contains))
                .sorted(MENU_ORDER).toList();
    }

    /**
     * The module at {@code /console/plugins/<model>/<file>}: the module of page {@code <id>} for
     * {@code <id>.js}, else a sibling module in the directory of one of the model's page modules.
     */
    Optional<URL> module(String model, String file) {
        if (!MODEL.matcher(model).matches() || !SIBLING.matcher(file).matches()) {
            return Optional.empty();
        }
        Registered own = pages.get(model + "/" + file.substring(0, file.length() - ".js".length()));
        if (own != null) {
            return Optional.ofNullable(own.page().resources().find(own.page().module()));
        }
        return pages.values().stream().map(Registered::page).filter(p -> p.model().equals(model))
                .map(p -> p.resources().find(p.directory() + file)).filter(u -> u != null).findFirst();
    }

    private static Optional<Page> read(ConsolePage service, Object modelProperty, Resources resources) {
        try {
            String model = service.model();
            String id = service.id();
            String module = service.module();
            String problem = model == null || !MODEL.matcher(model).matches() ? "model() is not a model id"
                    : model.equals(ConsoleKit.NAME) ? "model() '" + ConsoleKit.NAME + "' is reserved for the platform's page kit"
                    : !model.equals(modelProperty) ? "the " + DistrictModel.MODEL_PROPERTY + " property differs from model()"
                    : id == null || !ID.matcher(id).matches() ? "id() does not match " + ConsolePage.ID_PATTERN
                    : blankOrLonger(service.labelZh(), 20) ? "labelZh() is blank or over 20 characters"
                    : blankOrLonger(service.labelEn(), 40) ? "labelEn() is blank or over 40 characters"
                    : module == null || !MODULE.matcher(module).matches() ? "module() does not match " + ConsolePage.MODULE_PATTERN
                    : resources.find(module) == null ? "its bundle has no " + module
                    : null;
            Set<Role> roles = problem == null ? roles(service.roles()) : null;
            if (problem == null && roles == null) {
                problem = "roles() names a role other than " + STAFF.stream().map(Role::id).sorted().toList();
            }
            if (problem != null) {
                LOG.warn("Console page {} ignored: {}", service, problem);
                return Optional.empty();
            }
            return Optional.of(new Page(model, id, service.labelZh().strip(), service.labelEn().strip(), module, roles,
                    service.order(), resources));
        } catch (RuntimeException e) {
            LOG.warn("Console page {} ignored: it failed to describe itself", service, e);
            return Optional.empty();
        }
    }

    /** The page's roles (all staff roles for none), or null when one is not a staff role. */
    private static Set<Role> roles(Set<String> declared) {
        if (declared == null || declared.isEmpty()) {
            return STAFF;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : declared) {
            Optional<Role> role = Role.fromId(id).filter(STAFF::contains);
            if (role.isEmpty()) {
                return null;
            }
            roles.add(role.get());
        }
        return Set.copyOf(roles);
    }

    private static boolean blankOrLonger(String text, int max) {
        return text == null || text.isBlank() || text.strip().length() > max;
    }
}
