package org.gongzhi.plugins.template.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.gongzhi.plugin.api.PluginEndpoint;
import org.junit.Test;

/**
 * The endpoints keep the {@link PluginEndpoint} contract the core routes by: one class per section,
 * a class {@code @Path} of one literal segment unique within the model, method paths relative to
 * the section. A class that breaks it is ignored by the core (logged), so its URLs would answer 404.
 */
public class EndpointShapeTest {

    private static final List<Class<? extends PluginEndpoint>> ENDPOINTS = List.of(NotesResource.class, GridsResource.class);

    @Test
    public void eachEndpointIsOneLiteralSectionUniqueWithinTheModel() {
        Set<String> sections = new TreeSet<>();
        for (Class<? extends PluginEndpoint> type : ENDPOINTS) {
            Path path = type.getAnnotation(Path.class);
            assertThat(path).as("@Path on %s", type.getSimpleName()).isNotNull();
            assertThat(path.value()).as("section of %s", type.getSimpleName()).matches("[a-z][a-z0-9-]*");
            assertThat(sections.add(path.value())).as("section %s used twice", path.value()).isTrue();
        }
        assertThat(sections).containsExactly("grids", "notes");
    }

    @Test
    public void theUrlsStayWhereTheyWere() {
        List<String> urls = new ArrayList<>();
        for (Class<? extends PluginEndpoint> type : ENDPOINTS) {
            String section = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                assertThat(sub == null || !sub.value().startsWith("/") && !sub.value().startsWith(section))
                        .as("path of %s.%s is relative to the section", type.getSimpleName(), m.getName()).isTrue();
                urls.add(verb + " " + TemplateModel.PATH + "/" + section + (sub == null ? "" : "/" + sub.value()));
            }
        }
        assertThat(urls).containsExactlyInAnyOrder(
                "GET /api/v1/tenants/{tenant}/plugins/template/notes",
                "POST /api/v1/tenants/{tenant}/plugins/template/notes",
                "GET /api/v1/tenants/{tenant}/plugins/template/notes/{id}",
                "GET /api/v1/tenants/{tenant}/plugins/template/grids/{grid}/events");
    }

    private static String verb(Method m) {
        return m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }
}
