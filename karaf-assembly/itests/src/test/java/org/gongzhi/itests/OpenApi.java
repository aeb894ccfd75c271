package org.gongzhi.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The platform's OpenAPI document as the hostile-input tests read it: every operation with its
 * parameters, request body (media types, schema, examples) and the roles its description allows.
 * Only local references ({@code #/components/…}) occur in the document; they are resolved with
 * Jackson's JSON pointers.
 */
final class OpenApi {

    static final Set<String> DISTRICT_ROLES = Set.of("district-admin", "dispatcher", "grid-worker",
            "department-handler", "mediator", "social-worker", "resident");
    static final Set<String> ALL_ROLES;

    static {
        Set<String> all = new LinkedHashSet<>(DISTRICT_ROLES);
        all.add("city-admin");
        ALL_ROLES = Set.copyOf(all);
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    static final String RESIDENT_TOKEN = "residentToken";
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z-]+)`");

    record Param(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    record Body(String mediaType, JsonNode schema, List<JsonNode> examples) {
    }

    /**
     * One operation. {@code bodies} is empty for operations without a request body; {@code roles}
     * are those its description allows ("Roles: …"); {@code residentToken}: its security asks for the
     * resident page's own session token (scheme {@value #RESIDENT_TOKEN}) instead of a Keycloak role.
     */
    record Operation(String method, String path, String id, List<Param> params, boolean bodyRequired,
                     List<Body> bodies, Set<String> roles, boolean residentToken) {

        boolean hasInput() {
            return !params.isEmpty() || !bodies.isEmpty();
        }

        boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApi(JsonNode root) {
        this.root = root;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Param> common = params(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(path.getKey(), op.getKey(), op.getValue(), common));
                }
            }
        }
    }

    /** Parses the YAML text of the document. */
    static OpenApi parse(String yaml) throws IOException {
        return new OpenApi(new ObjectMapper(new YAMLFactory()).readTree(yaml));
    }

    List<Operation> operations() {
        return operations;
    }

    /** {@code node}, or what its {@code $ref} points at (repeatedly). */
    JsonNode deref(JsonNode node) {
        while (node != null && node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private Operation operation(String path, String method, JsonNode op, List<Param> common) {
        Map<String, Param> params = new LinkedHashMap<>();
        common.forEach(p -> params.put(p.in() + ":" + p.name(), p));
        params(op.path("parameters")).forEach(p -> params.put(p.in() + ":" + p.name(), p));
        List<Body> bodies = new ArrayList<>();
        JsonNode body = deref(op.get("requestBody"));
        boolean bodyRequired = false;
        if (body != null) {
            bodyRequired = body.path("required").asBoolean(false);
            body.path("content").fields().forEachRemaining(media -> {
                List<JsonNode> examples = new ArrayList<>();
                if (media.getValue().has("example")) {
                    examples.add(media.getValue().get("example"));
                }
                media.getValue().path("examples").forEach(e -> examples.add(deref(e).path("value")));
                bodies.add(new Body(media.getKey(), deref(media.getValue().get("schema")), examples));
            });
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, op.path("operationId").asText(),
                List.copyOf(params.values()), bodyRequired, bodies, roles(op.path("description").asText("")),
                !op.path("security").findValues(RESIDENT_TOKEN).isEmpty());
    }

    private List<Param> params(JsonNode list) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode d = deref(p);
            params.add(new Param(d.get("name").asText(), d.get("in").asText(), d.path("required").asBoolean(false),
                    deref(d.get("schema")), d.has("example") ? d.get("example") : deref(d.get("schema")).get("example")));
        }
        return params;
    }

    /**
     * The roles the English "Roles: …" sentence of a description names. "any role of the district"
     * stands for every district role, "any authenticated caller" for every role. Roles named as
     * taking no step ("`mediator` and `social-worker` take none") are left out.
     */
    static Set<String> roles(String description) {
        int at = description.lastIndexOf("Roles:");
        if (at < 0) {
            return Set.of();
        }
        String sentence = description.substring(at + "Roles:".length()).split("\n")[0];
        Set<String> roles = new LinkedHashSet<>();
        if (sentence.contains("any authenticated caller")) {
            roles.addAll(ALL_ROLES);
        }
        if (sentence.contains("any role of the district")) {
            roles.addAll(DISTRICT_ROLES);
        }
        for (String clause : sentence.split(";")) {
            if (clause.contains("take none")) {
                continue;
            }
            Matcher m = BACKTICKED.matcher(clause);
            while (m.find()) {
                if (ALL_ROLES.contains(m.group(1))) {
                    roles.add(m.group(1));
                }
            }
        }
        return roles;
    }

    /** The schema's type ({@code type: [string, "null"]} counts as string); null when it has none. */
    static String type(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode t = schema.get("type");
        if (t == null) {
            return schema.has("properties") ? "object" : null;
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
            return null;
        }
        return t.asText();
    }
}
