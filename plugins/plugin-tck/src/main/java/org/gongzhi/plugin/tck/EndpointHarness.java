package org.gongzhi.plugin.tck;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginEndpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Serves a plugin's {@link PluginEndpoint}s the way the platform's locator does, without a server:
 * the first path segment picks the endpoint by its class {@code @Path} (the section), the rest is
 * matched against its methods' {@code @Path}s; JSON bodies are bound with the platform's strict
 * binding rules (unknown fields, wrong types and malformed JSON → 400); {@link InvalidInputException}
 * → 400 naming the field, {@link WebApplicationException} → its status, any other exception → 500;
 * answers are written as JSON. The JAX-RS runtime behind {@code Response} and the exceptions is
 * Apache CXF's, as in the platform.
 */
final class EndpointHarness {

    /** The platform's binding rules for request bodies (see the plugin guide, section 6). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        JSON.coercionConfigDefaults().setAcceptBlankAsEmpty(Boolean.FALSE)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    /** An answer: status, JSON text (or null), and what threw, for messages. */
    record Reply(int status, String body, Throwable thrown) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + (body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body))
                    + (thrown == null ? "" : " (" + thrown + ")");
        }
    }

    /** One resource method of an endpoint and its full path template below the model's base. */
    record Operation(PluginEndpoint endpoint, String section, Method method, String httpMethod, String template,
                     Pattern pattern, List<String> names) {
        boolean hasBody() {
            return bodyParameter(method) != null;
        }

        @Override
        public String toString() {
            return httpMethod + " …/" + template + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    private final Map<String, PluginEndpoint> bySection = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private final String user;
    private final Set<String> roles;

    EndpointHarness(List<PluginEndpoint> endpoints, String user, Set<String> roles) {
        this.user = user;
        this.roles = roles;
        for (PluginEndpoint e : endpoints) {
            Path p = e.getClass().getAnnotation(Path.class);
            String section = p == null ? null : strip(p.value());
            if (section == null || bySection.putIfAbsent(section, e) != null) {
                continue; // reported by the shape check
            }
            for (Method m : e.getClass().getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path mp = m.getAnnotation(Path.class);
                String template = section + (mp == null || strip(mp.value()).isEmpty() ? "" : "/" + strip(mp.value()));
                List<String> names = new ArrayList<>();
                operations.add(new Operation(e, section, m, verb, template, compile(template, names), names));
            }
        }
    }

    Map<String, PluginEndpoint> sections() {
        return bySection;
    }

    List<Operation> operations() {
        return operations;
    }

    static String strip(String path) {
        String s = path.strip();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?\\}");

    private static Pattern compile(String template, List<String> names) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            names.add(m.group(1));
            regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2).strip()).append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex + "/?");
    }

    /** The path of {@code op} with every variable set to {@code value}. */
    static String fill(Operation op, String value) {
        return VARIABLE.matcher(op.template()).replaceAll(Matcher.quoteReplacement(value));
    }

    /** Sends {@code request} for {@code tenant}. */
    Reply call(String tenant, EndpointRequest request) {
        String path = request.path();
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        path = strip(path);
        String section = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (!bySection.containsKey(section)) {
            return new Reply(404, null, null);
        }
        boolean pathMatched = false;
        for (Operation op : operations) {
            if (!op.section().equals(section)) {
                continue;
            }
            Matcher m = op.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (!op.httpMethod().equals(request.method())) {
                continue;
            }
            Map<String, String> vars = new HashMap<>();
            for (int i = 0; i < op.names().size(); i++) {
                vars.put(op.names().get(i), decode(m.group(i + 1)));
            }
            return invoke(op, tenant, vars, parseQuery(query), request.body());
        }
        return new Reply(pathMatched ? 405 : 404, null, null);
    }

    private Reply invoke(Operation op, String tenant, Map<String, String> vars, Map<String, String> query, String body) {
        Parameter[] params = op.method().getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter p = params[i];
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            DefaultValue dv = p.getAnnotation(DefaultValue.class);
            try {
                if (pp != null) {
                    args[i] = convert("tenant".equals(pp.value()) ? tenant : vars.get(pp.value()), p.getType());
                } else if (qp != null) {
                    String v = query.containsKey(qp.value()) ? query.get(qp.value()) : dv == null ? null : dv.value();
                    args[i] = convert(v, p.getType());
                } else if (p.isAnnotationPresent(Context.class)) {
                    args[i] = p.getType() == SecurityContext.class ? security() : null;
                } else if (isBody(p)) {
                    args[i] = body == null || body.isBlank() ? null : JSON.readValue(body, JSON.constructType(p.getParameterizedType()));
                }
            } catch (JsonProcessingException e) {
                return new Reply(400, problem(400, "body", e.getOriginalMessage()), e);
            } catch (IllegalArgumentException e) {
                // JAX-RS: a path or query parameter that cannot be converted is "not found"
                return new Reply(404, problem(404, null, e.getMessage()), e);
            }
        }
        Object result;
        try {
            result = op.method().invoke(op.endpoint(), args);
        } catch (InvocationTargetException e) {
            return failure(e.getCause());
        } catch (IllegalAccessException e) {
            return new Reply(500, null, e);
        }
        try {
            if (result instanceof Response r) {
                Object entity = r.getEntity();
                return new Reply(r.getStatus(), entity == null ? null : JSON.writeValueAsString(entity), null);
            }
            return result == null ? new Reply(204, null, null) : new Reply(200, JSON.writeValueAsString(result), null);
        } catch (JsonProcessingException e) {
            return new Reply(500, null, e);
        }
    }

    private static Reply failure(Throwable t) {
        if (t instanceof InvalidInputException i) {
            return new Reply(400, problem(400, i.field(), i.getMessage()), t);
        }
        if (t instanceof WebApplicationException w) {
            return new Reply(w.getResponse().getStatus(), problem(w.getResponse().getStatus(), null, w.getMessage()), t);
        }
        return new Reply(500, null, t);
    }

    private static String problem(int status, String field, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", status);
        if (field != null) {
            p.put("field", field);
        }
        p.put("detail", detail);
        try {
            return JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + status + "}";
        }
    }

    private SecurityContext security() {
        Principal principal = () -> user;
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    static boolean isBody(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            String pkg = a.annotationType().getPackageName();
            if (pkg.startsWith("javax.ws.rs")) {
                return false;
            }
        }
        return true;
    }

    static Parameter bodyParameter(Method m) {
        for (Parameter p : m.getParameters()) {
            if (isBody(p)) {
                return p;
            }
        }
        return null;
    }

    /** Query parameters of the method, by name. */
    static List<String> queryParameters(Method m) {
        List<String> names = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.add(q.value());
            }
        }
        return names;
    }

    private static Object convert(String v, Class<?> type) {
        if (v == null) {
            if (type.isPrimitive()) {
                return type == boolean.class ? false : type == long.class ? 0L : type == int.class ? 0 : null;
            }
            return null;
        }
        if (type == String.class) {
            return v;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(v.strip());
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(v.strip());
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(v.strip());
        }
        if (type == java.util.UUID.class) {
            return java.util.UUID.fromString(v);
        }
        try {
            for (String factory : List.of("valueOf", "fromString")) {
                try {
                    return type.getMethod(factory, String.class).invoke(null, v);
                } catch (NoSuchMethodException next) {
                    // try the next
                }
            }
            return type.getConstructor(String.class).newInstance(v);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot convert to " + type.getName(), e);
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> q = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return q;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            q.putIfAbsent(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Whether a method declares it consumes a body (for messages only). */
    static boolean consumes(Method m) {
        return m.isAnnotationPresent(Consumes.class) || m.getDeclaringClass().isAnnotationPresent(Consumes.class);
    }

    /** The HTTP method annotations the platform serves. */
    static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class,
            PATCH.class);

    /** The generic type of the body parameter, for building probe bodies. */
    static Type bodyType(Operation op) {
        Parameter p = bodyParameter(op.method());
        return p == null ? null : p.getParameterizedType();
    }
}
