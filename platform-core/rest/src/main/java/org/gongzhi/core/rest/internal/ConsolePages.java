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
import org.gongzhi.plugin.api.ScreenPanel;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard of the plugins' console pages ({@link ConsolePage} services) and big-screen panels
 * ({@link ScreenPanel} services), by model and id: which pages a district's caller sees, which
 * panels a district's screen shows, and where each one's module lies in its bundle. Pages and panels
 * of a model share one name space, as their modules share {@code /console/plugins/<model>/<id>.js}.
 * Each is read once when it is registered; one that breaks the contract is ignored with a warning.
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

    /** A page or a panel: an ES module in a plugin bundle, served at {@code /console/plugins/<model>/<id>.js}. */
    sealed interface Served permits Page, Panel {
        String model();

        String id();

        /** The module's path in the bundle. */
        String module();

        Resources resources();

        /** {@code /console/plugins/<model>/<id>.js}. */
        default String moduleUrl() {
            return ConsoleModuleServlet.PREFIX + model() + "/" + id() + ".js";
        }

        private String directory() {
            int slash = module().lastIndexOf('/');
            return slash < 0 ? "" : module().substring(0, slash + 1);
        }
    }

    /** A page as registered: its settings read once, and the bundle that holds its module. */
    record Page(String model, String id, String labelZh, String labelEn, String module, Set<Role> roles, int order,
                Resources resources) implements Served {
    }

    /** A screen panel as registered: its settings read once, its bundle, and the service that gives its figures. */
    record Panel(String model, String id, String labelZh, String labelEn, String module, int order,
                 Resources resources, ScreenPanel service) implements Served {
    }

    private static final Comparator<Page> MENU_ORDER = Comparator.comparingInt(Page::order)
            .thenComparing(Page::model).thenComparing(Page::id);
    private static final Comparator<Panel> SCREEN_ORDER = Comparator.comparingInt(Panel::order)
            .thenComparing(Panel::model).thenComparing(Panel::id);

    /** "model/id" → the page or panel and the service object that registered it. */
    private final Map<String, Registered> pages = new ConcurrentHashMap<>();

    private record Registered(Served entry, Object service) {
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPanel(ScreenPanel panel, ServiceReference<ScreenPanel> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle != null) {
            add(panel, ref.getProperty(DistrictModel.MODEL_PROPERTY), path -> entry(bundle, path));
        }
    }

    void removePanel(ScreenPanel panel, ServiceReference<ScreenPanel> ref) {
        remove(panel);
    }

    /** Registers {@code service} if it keeps the contract; {@code modelProperty} is its {@code gongzhi.model}. */
    boolean add(ConsolePage service, Object modelProperty, Resources resources) {
        return register(read(service, modelProperty, resources), service);
    }

    /** Registers the panel {@code service} if it keeps the contract; {@code modelProperty} is its {@code gongzhi.model}. */
    boolean add(ScreenPanel service, Object modelProperty, Resources resources) {
        return register(read(service, modelProperty, resources), service);
    }

    private boolean register(Optional<? extends Served> read, Object service) {
        if (read.isEmpty()) {
            return false;
        }
        Served entry = read.get();
        Registered earlier = pages.putIfAbsent(entry.model() + "/" + entry.id(), new Registered(entry, service));
        if (earlier != null) {
            LOG.warn("Model {} has two console pages or screen panels {}: {} kept, {} ignored", entry.model(),
                    entry.id(), earlier.service(), service);
            return false;
        }
        return true;
    }

    /** Forgets the page or panel that {@code service} registered, if any. */
    void remove(Object service) {
        pages.values().removeIf(r -> r.service() == service);
    }

    /**
     * The pages a caller with {@code callerRoles} sees in a district that enabled {@code enabledModels},
     * in menu order.
     */
    List<Page> visible(Collection<String> enabledModels, Set<Role> callerRoles) {
        return pages.values().stream().map(Registered::entry)
                .filter(Page.class::isInstance).map(Page.class::cast)
                .filter(p -> enabledModels.contains(p.model()))
                .filter(p -> p.roles().stream().anyMatch(callerRoles::contains))
                .sorted(MENU_ORDER).toList();
    }

    /** The screen panels of a district that enabled {@code enabledModels}, in screen order. */
    List<Panel> panels(Collection<String> enabledModels) {
        return pages.values().stream().map(Registered::entry)
                .filter(Panel.class::isInstance).map(Panel.class::cast)
                .filter(p -> enabledModels.contains(p.model()))
                .sorted(SCREEN_ORDER).toList();
    }

    /** The screen panel {@code id} of {@code model}, while its plugin is installed. */
    Optional<Panel> panel(String model, String id) {
        Registered r = pages.get(model + "/" + id);
        return r != null && r.entry() instanceof Panel p ? Optional.of(p) : Optional.empty();
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
            return Optional.ofNullable(own.entry().resources().find(own.entry().module()));
        }
        return pages.values().stream().map(Registered::entry).filter(p -> p.model().equals(model))
                .map(p -> p.resources().find(p.directory() + file)).filter(u -> u != null).findFirst();
    }

    /** What is wrong with the settings pages and panels share, or null. */
    private static String problem(String model, String id, String labelZh, String labelEn, String module,
                                  Object modelProperty, Resources resources) {
        return model == null || !MODEL.matcher(model).matches() ? "model() is not a model id"
                : model.equals(ConsoleKit.NAME) ? "model() '" + ConsoleKit.NAME + "' is reserved for the platform's page kit"
                : !model.equals(modelProperty) ? "the " + DistrictModel.MODEL_PROPERTY + " property differs from model()"
                : id == null || !ID.matcher(id).matches() ? "id() does not match " + ConsolePage.ID_PATTERN
                : blankOrLonger(labelZh, 20) ? "labelZh() is blank or over 20 characters"
                : blankOrLonger(labelEn, 40) ? "labelEn() is blank or over 40 characters"
                : module == null || !MODULE.matcher(module).matches() ? "module() does not match " + ConsolePage.MODULE_PATTERN
                : resources.find(module) == null ? "its bundle has no " + module
                : null;
    }

    private static Optional<Panel> read(ScreenPanel service, Object modelProperty, Resources resources) {
        try {
            String problem = problem(service.model(), service.id(), service.labelZh(), service.labelEn(),
                    service.module(), modelProperty, resources);
            if (problem != null) {
                LOG.warn("Screen panel {} ignored: {}", service, problem);
                return Optional.empty();
            }
            return Optional.of(new Panel(service.model(), service.id(), service.labelZh().strip(),
                    service.labelEn().strip(), service.module(), service.order(), resources, service));
        } catch (RuntimeException e) {
            LOG.warn("Screen panel {} ignored: it failed to describe itself", service, e);
            return Optional.empty();
        }
    }

    private static Optional<Page> read(ConsolePage service, Object modelProperty, Resources resources) {
        try {
            String model = service.model();
            String id = service.id();
            String module = service.module();
            String problem = problem(model, id, service.labelZh(), service.labelEn(), module, modelProperty, resources);
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
