package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.grid.GridLevel;
import org.gongzhi.core.resident.internal.ResidentDistrictResource;
import org.gongzhi.core.resident.internal.ResidentJson;
import org.gongzhi.core.resident.internal.ResidentReportResource;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.hotline.HotlineRowResult;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.screen.DistrictScreen;
import org.gongzhi.core.service.tenants.ProvisioningReport;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.CategoryAttribute;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.Role;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI document served at {@code /api/v1/openapi.yaml} against the code: every operation the
 * JAX-RS resources serve is documented and nothing else is, with the parameters the methods read;
 * the document is OpenAPI 3.1; every {@code $ref} resolves; the schemas carry the field names of
 * the records that are written and read, and the enums their wire values; every operation but the
 * public ones of {@link AuthenticationSeam#PUBLIC_PATHS} needs the bearer token and says which
 * roles may call it.
 */
public class OpenApiDocumentTest {

    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** The resources known today; the scan of the packages must find at least these. */
    private static final List<Class<?>> KNOWN_RESOURCES = List.of(CaseResource.class, TenantResource.class,
            KpiResource.class, HealthResource.class, OpenApiResource.class, CityDistrictResource.class,
            HotlineResource.class, ResidentDistrictResource.class, ResidentReportResource.class, ScreenResource.class,
            CityScreenResource.class, CaseSupervisionResource.class, SupervisionResource.class,
            CityEscalationResource.class);

    /**
     * The packages whose resources the document describes: this bundle's, and the resident page's
     * ({@code gongzhi-resident}, a bundle of its own on the same whiteboard application).
     */
    private static final List<Class<?>> PACKAGES = List.of(CaseResource.class, ResidentDistrictResource.class);

    /** The security scheme of the Keycloak bearer tokens. */
    private static final String BEARER = "bearerAuth";
    /** The security scheme of the residents' own session tokens. */
    private static final String RESIDENT = "residentToken";
    /** The resident page's paths: public to the seam; some operations check the resident token. */
    private static final String RESIDENT_PATHS = "/" + AuthenticationSeam.RESIDENT_PREFIX;

    private static JsonNode doc;
    private static List<Class<?>> resources;

    @BeforeClass
    public static void load() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as("document on the class path at %s", OpenApiResource.DOCUMENT).isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
        resources = new ArrayList<>();
        for (Class<?> anchor : PACKAGES) {
            resources.addAll(resourceClasses(anchor));
        }
    }

    // ------------------------------------------------------------------------------------------
    // The checks

    @Test
    public void isOpenApi31() {
        assertThat(doc.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("共治 Gongzhi API");
        assertThat(doc.path("paths").isObject()).isTrue();
    }

    @Test
    public void scanFindsTheResources() {
        assertThat(resources).containsAll(KNOWN_RESOURCES);
    }

    @Test
    public void everyServedOperationIsDocumentedAndEveryDocumentedOneIsServed() {
        Set<String> served = served(resources).keySet();
        Set<String> documented = documented(doc).keySet();
        assertThat(served).as("operations served by the resources").isNotEmpty();
        assertThat(difference(served, documented)).as("served but not documented").isEmpty();
        assertThat(difference(documented, served)).as("documented but not served").isEmpty();
    }

    @Test
    public void documentedPathsAreUniqueOnceParametersAreNormalised() {
        List<String> keys = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(p -> keys.add(normalise(p)));
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    public void parametersReadByTheMethodsAreDocumented() {
        Map<String, Method> served = served(resources);
        Map<String, List<JsonNode>> documented = documented(doc);
        List<String> problems = new ArrayList<>();
        served.forEach((operation, method) -> {
            List<JsonNode> ops = documented.get(operation);
            if (ops == null) {
                return; // reported by everyServedOperationIsDocumentedAndEveryDocumentedOneIsServed
            }
            Set<String> inJava = javaParameters(method);
            Set<String> inDoc = documentedParameters(ops.get(0), ops.get(1));
            difference(inJava, inDoc).forEach(p -> problems.add(operation + ": " + p + " is read but not documented"));
            difference(inDoc, inJava).stream().filter(p -> !p.startsWith("header "))
                    .forEach(p -> problems.add(operation + ": " + p + " is documented but not read"));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    public void pathTemplatesDeclareTheirParameters() {
        List<String> problems = new ArrayList<>();
        documented(doc).forEach((operation, ops) -> {
            String template = ops.get(2).asText();
            Set<String> names = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (m.find()) {
                names.add("path " + m.group(1));
            }
            Set<String> declared = documentedParameters(ops.get(0), ops.get(1)).stream()
                    .filter(p -> p.startsWith("path ")).collect(Collectors.toCollection(TreeSet::new));
            if (!names.equals(declared)) {
                problems.add(operation + ": template " + names + " but parameters " + declared);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    public void everyRefResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).as("the document uses $ref").isNotEmpty();
        assertThat(danglingRefs(doc)).isEmpty();
    }

    @Test
    public void schemasCarryTheFieldNamesOfTheRecords() {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        records.put("Case", CaseJson.class);
        records.put("JournalEntry", CaseJson.Entry.class);
        records.put("CasePage", CaseResource.PageJson.class);
        records.put("CaseSummary", CaseResource.SummaryJson.class);
        records.put("NewCase", NewCase.class);
        records.put("TransitionRequest", TransitionRequest.class);
        records.put("Tenant", TenantResource.TenantJson.class);
        records.put("Grid", TenantResource.GridJson.class);
        records.put("Department", TenantResource.DepartmentJson.class);
        records.put("Category", CategoryDefinition.class);
        records.put("CategoryAttribute", CategoryAttribute.class);
        records.put("KpiFigures", KpiFigures.class);
        records.put("Problem", Problem.class);
        records.put("District", CityDistrictResource.DistrictJson.class);
        records.put("DistrictIdentity", CityDistrictResource.IdentityJson.class);
        records.put("CreateDistrict", CityDistrictResource.CreateDistrict.class);
        records.put("SuspendRequest", CityDistrictResource.SuspendRequest.class);
        records.put("ProvisioningReport", ProvisioningReport.class);
        records.put("HotlineBatch", HotlineResource.BatchJson.class);
        records.put("HotlineRow", HotlineResource.RowJson.class);
        records.put("ConsolePage", ConsolePageResource.PageJson.class);
        records.put("ScreenPanel", ScreenPanelResource.PanelJson.class);
        records.put("ScreenPanelFigures", ScreenPanelResource.FiguresJson.class);
        records.put("DistrictMode", ModeJson.class);
        records.put("DistrictModeView", ModeJson.View.class);
        records.put("EmergencyPlan", ModeJson.Plan.class);
        records.put("DutyPost", ModeJson.Duty.class);
        records.put("ModeSwitch", ModeJson.Switch.class);
        records.put("CityModeSwitch", ModeJson.CitySwitch.class);
        records.put("ResidentDistrict", ResidentJson.District.class);
        records.put("ResidentCategory", ResidentJson.Category.class);
        records.put("ResidentGrid", ResidentJson.Grid.class);
        records.put("ResidentCodeRequest", ResidentJson.CodeRequest.class);
        records.put("ResidentCodeSent", ResidentJson.CodeSent.class);
        records.put("ResidentSignIn", ResidentJson.SignIn.class);
        records.put("ResidentSession", ResidentJson.Session.class);
        records.put("NewResidentReport", ResidentJson.NewReport.class);
        records.put("ResidentReportCreated", ResidentJson.Created.class);
        records.put("ResidentReportItem", ResidentJson.ReportItem.class);
        records.put("ResidentReportPage", ResidentJson.ReportPage.class);
        records.put("ResidentReport", ResidentJson.Report.class);
        records.put("ResidentRating", ResidentJson.Rating.class);
        records.put("ResidentReopen", ResidentJson.Reopen.class);
        records.put("DistrictScreen", ScreenJson.District.class);
        records.put("ScreenToday", DistrictScreen.Today.class);
        records.put("ScreenMonth", DistrictScreen.Month.class);
        records.put("ScreenTrendMonth", DistrictScreen.TrendMonth.class);
        records.put("ScreenFamily", ScreenJson.Family.class);
        records.put("ScreenDepartment", DistrictScreen.DepartmentRow.class);
        records.put("ScreenGrids", DistrictScreen.Grids.class);
        records.put("ScreenGrid", DistrictScreen.GridRow.class);
        records.put("ScreenDispatch", DistrictScreen.Dispatch.class);
        records.put("ScreenEvent", EventJson.Case.class);
        records.put("CityScreen", ScreenJson.City.class);
        records.put("CityScreenDistrict", ScreenJson.CityDistrict.class);
        records.put("CityScreenTotals", ScreenJson.Totals.class);
        records.put("Supervision", SupervisionJson.class);
        records.put("SupervisionOrder", SupervisionJson.OrderRequest.class);
        records.put("SupervisionAnswer", SupervisionJson.AnswerRequest.class);
        JsonNode schemas = doc.path("components").path("schemas");
        records.forEach((name, type) -> {
            JsonNode schema = schemas.path(name);
            assertThat(schema.isObject()).as("schema %s", name).isTrue();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties).as("properties of schema %s against %s", name, type.getName())
                    .containsExactlyInAnyOrderElementsOf(components);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertThat(properties).as("required properties of schema %s", name).containsAll(required);
        });
    }

    @Test
    public void enumsCarryTheWireValues() {
        assertThat(enumOf("CaseStatus")).containsExactlyElementsOf(
                wire(CaseStatus.values(), s -> s.name().toLowerCase(Locale.ROOT)));
        assertThat(enumOf("CaseAction")).containsExactlyElementsOf(wire(CaseAction.values(), CaseAction::wireName));
        assertThat(texts(doc.path("components").path("schemas").path("Supervision").path("properties").path("kind").path("enum"))).containsExactlyElementsOf(
                wire(org.gongzhi.core.service.supervision.SupervisionKind.values(),
                        org.gongzhi.core.service.supervision.SupervisionKind::wireName));
        assertThat(texts(doc.path("components").path("schemas").path("Supervision").path("properties").path("trigger").path("enum"))).containsExactlyElementsOf(
                wire(org.gongzhi.core.service.supervision.SupervisionTrigger.values(),
                        org.gongzhi.core.service.supervision.SupervisionTrigger::wireName));
        assertThat(enumOf("Channel")).containsExactlyElementsOf(wire(Channel.values(), Channel::wireName));
        assertThat(enumOf("SlaTier")).containsExactlyElementsOf(wire(SlaTier.values(), SlaTier::wireName));
        assertThat(enumOf("OperatingMode")).containsExactlyElementsOf(
                wire(org.gongzhi.core.service.screen.OperatingMode.values(), org.gongzhi.core.service.screen.OperatingMode::wireName));
        assertThat(enumOf("SlaState")).containsExactlyElementsOf(wire(SlaState.values(), CaseJson::wire));
        assertThat(enumOf("CategoryFamily")).containsExactlyElementsOf(wire(CategoryFamily.values(), Enum::name));
        assertThat(enumOf("GridLevel")).containsExactlyElementsOf(
                wire(GridLevel.values(), l -> l.name().toLowerCase(Locale.ROOT)));
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(texts(schemas.path("CaseSummary").path("properties").path("byStatus").path("required")))
                .containsExactlyElementsOf(wire(java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                        .toArray(CaseStatus[]::new), s -> s.name().toLowerCase(Locale.ROOT)));
        assertThat(texts(schemas.path("Category").path("properties").path("tier").path("enum")))
                .containsExactlyElementsOf(wire(SlaTier.values(), Enum::name));
        assertThat(texts(schemas.path("Case").path("properties").path("statusLabel").path("enum")))
                .containsExactlyElementsOf(wire(CaseStatus.values(), CaseStatus::labelZh));
        assertThat(texts(schemas.path("HotlineRow").path("properties").path("outcome").path("enum")))
                .containsExactlyElementsOf(wire(HotlineRowResult.Outcome.values(), HotlineRowResult.Outcome::wireName));
        assertThat(texts(schemas.path("District").path("properties").path("status").path("enum")))
                .containsExactlyElementsOf(wire(TenantStatus.values(), s -> s.name().toLowerCase(Locale.ROOT)));
        assertThat(texts(schemas.path("CreateDistrict").path("properties").path("people").path("items")
                .path("properties").path("roles").path("items").path("enum")))
                .containsExactlyElementsOf(wire(Role.districtRoles().toArray(Role[]::new), Role::id));
    }

    @Test
    public void bearerTokensFromKeycloakAreTheSecurityScheme() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(BEARER);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(doc.path("security").findValues(BEARER)).as("bearerAuth applies to the whole API").hasSize(1);
    }

    @Test
    public void onlyThePublicPathsAreOpenToAnonymousCallers() {
        Set<String> publicPaths = AuthenticationSeam.PUBLIC_PATHS.stream().map(p -> "GET " + normalise("/" + p))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented(doc).keySet()).containsAll(publicPaths);
        Set<String> open = openOperations(doc);
        open.removeIf(OpenApiDocumentTest::isResident);
        assertThat(open).as("operations callable without a Keycloak token (the resident page's aside)")
                .isEqualTo(publicPaths);
    }

    @Test
    public void theResidentPageUsesItsOwnTokenOrNone() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path(RESIDENT);
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        List<String> problems = new ArrayList<>();
        Set<String> withToken = new TreeSet<>();
        documented(doc).forEach((operation, ops) -> {
            if (!isResident(operation)) {
                return;
            }
            JsonNode security = ops.get(1).get("security");
            if (security == null) {
                problems.add(operation + ": no security of its own (the document's Keycloak token would apply)");
                return;
            }
            if (security.findValues(BEARER).size() > 0) {
                problems.add(operation + ": asks for a Keycloak token");
            }
            boolean resident = security.size() == 1 && security.get(0).has(RESIDENT) && security.get(0).size() == 1;
            if (!resident && !security.isEmpty()) {
                problems.add(operation + ": security must be [] or [{residentToken: []}]: " + security);
            }
            boolean says401 = ops.get(1).path("responses").path("401").path("$ref").asText()
                    .endsWith("/ResidentUnauthorized");
            if (resident != says401) {
                problems.add(operation + ": " + (resident ? "no 401 ResidentUnauthorized" : "a 401 without a token"));
            }
            if (resident) {
                withToken.add(operation);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(withToken).as("the operations that need the resident's session").containsExactlyInAnyOrder(
                "DELETE /api/v1/resident/{}/sessions/current", "POST /api/v1/resident/{}/reports",
                "GET /api/v1/resident/{}/reports", "GET /api/v1/resident/{}/reports/{}",
                "POST /api/v1/resident/{}/reports/{}/rating", "POST /api/v1/resident/{}/reports/{}/reopen",
                "POST /api/v1/resident/{}/evidence", "GET /api/v1/resident/{}/evidence/{}",
                "GET /api/v1/resident/{}/evidence/{}/thumbnail");
    }

    private static boolean isResident(String operation) {
        return operation.substring(operation.indexOf(' ') + 1).startsWith(RESIDENT_PATHS);
    }

    @Test
    public void everySecuredOperationSaysWhoMayCallItAndHowItIsRefused() {
        Set<String> open = openOperations(doc);
        List<String> problems = new ArrayList<>();
        documented(doc).forEach((operation, ops) -> {
            if (open.contains(operation)) {
                return;
            }
            String description = ops.get(1).path("description").asText();
            if (!description.contains("允许的角色") || !description.contains("Roles:")) {
                problems.add(operation + ": the description names no roles (允许的角色 … / Roles: …)");
            }
            for (String status : List.of("401", "403", "503")) {
                if (!ops.get(1).path("responses").has(status)) {
                    problems.add(operation + ": no " + status + " response");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    // The checks must be able to fail: the same helpers on doctored copies of the document.

    @Test
    public void aMissingOperationIsNoticed() {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.path("paths")).remove("/api/v1/tenants/{tenant}/kpis");
        assertThat(difference(served(resources).keySet(), documented(copy).keySet()))
                .contains("GET /api/v1/tenants/{}/kpis");
    }

    @Test
    public void anOperationThatIsNotServedIsNoticed() {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.path("paths").path("/api/v1/tenants/{tenant}/cases/{id}"))
                .putObject("delete").putObject("responses");
        assertThat(difference(documented(copy).keySet(), served(resources).keySet()))
                .contains("DELETE /api/v1/tenants/{}/cases/{}");
    }

    @Test
    public void anOperationOpenedToAnonymousCallersIsNoticed() {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.path("paths").path("/api/v1/tenants/{tenant}/cases/{id}").path("get"))
                .putArray("security");
        assertThat(openOperations(copy)).contains("GET /api/v1/tenants/{}/cases/{}");
        ObjectNode unsecured = doc.deepCopy();
        unsecured.remove("security");
        assertThat(openOperations(unsecured)).contains("POST /api/v1/city/districts");
    }

    @Test
    public void aDanglingRefIsNoticed() {
        ObjectNode copy = doc.deepCopy();
        ((ObjectNode) copy.path("components").path("schemas").path("CasePage").path("properties").path("items")
                .path("items")).put("$ref", "#/components/schemas/Kase");
        assertThat(danglingRefs(copy)).contains("#/components/schemas/Kase");
    }

    @Test
    public void normalisationIgnoresParameterNamesAndRegexes() {
        assertThat(normalise(join("/api/v1/tenants/{tenant}/", "{id : [0-9a-f-]{36}}/journal/")))
                .isEqualTo("/api/v1/tenants/{}/{}/journal");
        assertThat(normalise("/a/{x}")).isEqualTo(normalise("/a/{y}"));
    }

    // ------------------------------------------------------------------------------------------
    // Served operations, from the annotations

    /** "METHOD /normalised/path" → the Java method, for every operation the classes serve. */
    static Map<String, Method> served(List<Class<?>> classes) {
        Map<String, Method> operations = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            collect(type.getAnnotation(Path.class).value(), type, operations, 0);
        }
        return operations;
    }

    private static void collect(String base, Class<?> type, Map<String, Method> operations, int depth) {
        assertThat(depth).as("sub-resource nesting below %s", base).isLessThan(8);
        for (Method m : type.getMethods()) {
            Path path = m.getAnnotation(Path.class);
            String full = path == null ? base : join(base, path.value());
            String verb = httpMethod(m);
            if (verb != null) {
                Method earlier = operations.put(verb + " " + normalise(full), m);
                if (earlier != null) { // one operation, one method per request media type, the same parameters
                    assertThat(consumes(earlier)).as("two methods serve %s %s", verb, full).isNotEqualTo(consumes(m));
                    assertThat(javaParameters(earlier)).as("parameters of %s %s", verb, full).isEqualTo(javaParameters(m));
                }
            } else if (path != null) {
                collect(full, m.getReturnType(), operations, depth + 1); // sub-resource locator
            }
        }
    }

    /** GET, POST, … from an annotation meta-annotated with {@link HttpMethod}, or null. */
    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** "in name" of the path, query and header parameters a method reads, e.g. "query limit". */
    private static List<String> consumes(Method m) {
        Consumes c = m.getAnnotation(Consumes.class);
        return c == null ? List.of() : List.of(c.value());
    }

    private static Set<String> javaParameters(Method m) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(PathParam.class)) {
                names.add("path " + p.getAnnotation(PathParam.class).value());
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                names.add("query " + p.getAnnotation(QueryParam.class).value());
            } else if (p.isAnnotationPresent(HeaderParam.class)) {
                names.add("header " + p.getAnnotation(HeaderParam.class).value().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Every class of {@code anchor}'s package with a class-level {@link Path}, found on the class path. */
    private static List<Class<?>> resourceClasses(Class<?> anchor) throws IOException, URISyntaxException {
        String pkg = anchor.getPackageName();
        URL here = anchor.getResource(anchor.getSimpleName() + ".class");
        List<String> names = new ArrayList<>();
        if ("jar".equals(here.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) here.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = pkg.replace('.', '/') + "/";
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String entry = e.nextElement().getName();
                    if (entry.startsWith(prefix) && entry.endsWith(".class") && entry.indexOf('/', prefix.length()) < 0) {
                        names.add(entry.substring(prefix.length()));
                    }
                }
            }
        } else {
            File[] files = new File(here.toURI()).getParentFile().listFiles((d, n) -> n.endsWith(".class"));
            Stream.of(files == null ? new File[0] : files).map(File::getName).forEach(names::add);
        }
        List<Class<?>> found = new ArrayList<>();
        for (String file : names) {
            String name = pkg + "." + file.substring(0, file.length() - ".class".length());
            try {
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (type.isAnnotationPresent(Path.class) && type.getEnclosingClass() == null) {
                    found.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name, e);
            }
        }
        found.sort((a, b) -> a.getName().compareTo(b.getName()));
        return found;
    }

    // ------------------------------------------------------------------------------------------
    // Documented operations, from the YAML

    /**
     * "METHOD /normalised/path" → [path item, operation, original path text] for every operation of
     * the document; a path item given by {@code $ref} is followed.
     */
    static Map<String, List<JsonNode>> documented(JsonNode document) {
        Map<String, List<JsonNode>> operations = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            JsonNode item = follow(document, entry.getValue());
            for (String method : HTTP_METHODS) {
                if (item.has(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + normalise(entry.getKey()),
                            List.of(item, item.get(method), TextNode.valueOf(entry.getKey())));
                }
            }
        }
        return operations;
    }

    /**
     * The documented operations a caller may call without the bearer token: those whose own
     * {@code security}, or failing that the document's, requires nothing or does not name {@value #BEARER}.
     */
    static Set<String> openOperations(JsonNode document) {
        Set<String> open = new TreeSet<>();
        documented(document).forEach((operation, ops) -> {
            JsonNode security = ops.get(1).has("security") ? ops.get(1).get("security") : document.path("security");
            boolean bearer = false;
            for (JsonNode requirement : security) {
                bearer |= requirement.has(BEARER); // an empty requirement {} would make it optional
                if (requirement.isEmpty()) {
                    bearer = false;
                    break;
                }
            }
            if (!bearer) {
                open.add(operation);
            }
        });
        return open;
    }

    /** "in name" of the parameters of an operation and its path item (header names in lower case). */
    private static Set<String> documentedParameters(JsonNode item, JsonNode operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode parameter = follow(doc, p);
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                names.add(in + " " + ("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name));
            }
        }
        return names;
    }

    /** The node itself, or what its {@code $ref} points to (repeatedly). */
    private static JsonNode follow(JsonNode document, JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            node = document.at(pointer(node.get("$ref").asText()));
        }
        return node;
    }

    // ------------------------------------------------------------------------------------------
    // References

    /** The {@code $ref} values that do not point into the document. */
    static List<String> danglingRefs(JsonNode document) {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        List<String> dangling = new ArrayList<>();
        for (String ref : refs) {
            if (!ref.startsWith("#") || document.at(pointer(ref)).isMissingNode()) {
                dangling.add(ref);
            }
        }
        return dangling;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("$ref".equals(e.getKey()) && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /** JSON pointer of a local reference such as {@code #/components/schemas/Case} (percent-escapes decoded). */
    private static JsonPointer pointer(String ref) {
        String fragment = ref.startsWith("#") ? ref.substring(1) : ref;
        try {
            String decoded = URI.create("#" + fragment).getFragment();
            fragment = decoded == null ? fragment : decoded;
        } catch (IllegalArgumentException e) {
            // not a valid URI fragment: use it as written; a wrong one then fails the lookup
        }
        try {
            return JsonPointer.compile(fragment);
        } catch (IllegalArgumentException e) {
            return JsonPointer.compile("/\u0000unresolvable");
        }
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers

    /** Joins two {@link Path} values with one slash between them. */
    static String join(String base, String path) {
        return "/" + base + "/" + path;
    }

    /** Collapses slashes, drops a trailing slash and turns every template, regex included, into {@code {}}. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    out.append("{}");
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && !(c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/')) {
                out.append(c);
            }
        }
        String result = out.toString();
        if (!result.startsWith("/")) {
            result = "/" + result;
        }
        return result.length() > 1 && result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return Collections.unmodifiableSet(d);
    }

    private static List<String> enumOf(String schema) {
        JsonNode values = doc.path("components").path("schemas").path(schema).path("enum");
        assertThat(values.isArray()).as("enum of schema %s", schema).isTrue();
        return texts(values);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static <E> List<String> wire(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
