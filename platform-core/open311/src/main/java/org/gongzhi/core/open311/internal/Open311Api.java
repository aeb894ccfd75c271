package org.gongzhi.core.open311.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GeoReport v2 methods without JAX-RS: each takes the extension and the call's parameters
 * and answers a {@link Reply}. {@code jurisdiction_id} is the district id: missing → 400, unknown
 * or suspended → 404; writes need the district's {@code api_key} (missing or invalid → 403). An
 * extension other than {@code xml}/{@code json} → 404 in XML. Only public cases are shown
 * ({@link RequestFinder}). Every refusal is the specification's error list; failures of the
 * platform become its 400 "general service error" and are logged. Thread-safe.
 */
final class Open311Api {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Logger LOG = LoggerFactory.getLogger(Open311Api.class);

    /** An answer: HTTP status (= error code), format and document. */
    record Reply(int status, Format format, Doc doc) {
        byte[] bytes() {
            return DocWriter.write(doc, format);
        }
    }

    private final TenantDirectory tenants;
    private final CaseService cases;
    private final ApiKeys keys;
    private final RequestFinder finder;
    private final RequestIntake intake;
    private final UpdateFeed updates;
    private final Clock clock;
    private final String changeset;

    Open311Api(TenantDirectory tenants, CaseService cases, ApiKeys keys, Clock clock) {
        this.tenants = tenants;
        this.cases = cases;
        this.keys = keys;
        this.clock = clock;
        this.finder = new RequestFinder(cases);
        this.intake = new RequestIntake(cases);
        this.updates = new UpdateFeed(cases, finder);
        this.changeset = W3cTime.format(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Service discovery; {@code endpoint} is the base URL, e.g. {@code http://host/open311/v2}; the
     * endpoint is a {@code test} one while the public demo keys are configured.
     */
    Reply discovery(String ext, String endpoint) {
        return answer(ext, () -> Discovery.doc(changeset, endpoint, keys.demo()));
    }

    Reply services(String ext, Form form, boolean english) {
        return answer(ext, () -> ServiceCatalog.list(jurisdiction(form), english));
    }

    Reply definition(String code, String ext, Form form) {
        return answer(ext, () -> {
            FormCodec.checked("service_code", code);
            return ServiceCatalog.definition(service(jurisdiction(form), code));
        });
    }

    /** POST requests. */
    Reply post(String ext, Form form) {
        return answer(ext, () -> {
            TenantDefinition t = jurisdiction(form);
            ApiKeys.Client client = client(t, form);
            Doc created = intake.post(t, form, client);
            LOG.info("Open311 client {} reported a case in {}", client.name(), t.id());
            return created;
        });
    }

    /**
     * GET requests: by service_request_id (overrides the rest), else by dates, service_code, status;
     * {@code extended_statuses=true} asks for the extended statuses.
     */
    Reply requests(String ext, Form form, boolean english, MediaLinks media) {
        return answer(ext, () -> {
            TenantDefinition t = jurisdiction(form);
            boolean extended = extended(form);
            List<String> ids = form.list("service_request_id");
            List<CaseView> found = !ids.isEmpty()
                    ? ids.stream().distinct().limit(RequestFinder.MAX_RESULTS)
                            .map(id -> finder.byNumber(t, id)).flatMap(Optional::stream).toList()
                    : finder.list(t, W3cTime.range(form.first("start_date"), form.first("end_date"), t.timeZone(),
                            clock.instant()), Set.copyOf(form.list("service_code")), closed(form.list("status")),
                            RequestFinder.MAX_RESULTS);
            return requestList(t, found, english, extended, media);
        });
    }

    Reply request(String id, String ext, Form form, boolean english, MediaLinks media) {
        return answer(ext, () -> {
            FormCodec.checked("service_request_id", id);
            TenantDefinition t = jurisdiction(form);
            boolean extended = extended(form);
            CaseView c = finder.byNumber(t, id).orElseThrow(() -> Open311Exception.notFound(
                    "service_request_id provided was not found: " + id + " (事件不存在)"));
            return requestList(t, List.of(c), english, extended, media);
        });
    }

    Reply token(String token, String ext, Form form) {
        return answer(ext, () -> {
            FormCodec.checked("token", token);
            TenantDefinition t = jurisdiction(form);
            CaseView c = finder.byToken(t, token).orElseThrow(() -> Open311Exception.notFound(
                    "token provided was not found: " + token + " (令牌不存在)"));
            return Doc.list("service_requests", "request",
                    List.of(Doc.fields("service_request_id", c.number(), "token", c.id().toString())));
        });
    }

    Reply updates(String ext, Form form, MediaLinks media) {
        return answer(ext, () -> {
            TenantDefinition t = jurisdiction(form);
            boolean extended = extended(form);
            return updates.list(t, W3cTime.range(form.first("start_date"), form.first("end_date"), t.timeZone(),
                    clock.instant()), extended, media);
        });
    }

    Reply postUpdate(String ext, Form form) {
        return answer(ext, () -> {
            TenantDefinition t = jurisdiction(form);
            ApiKeys.Client client = client(t, form);
            Doc posted = updates.post(t, form, client);
            LOG.info("Open311 client {} posted an update in {}", client.name(), t.id());
            return posted;
        });
    }

    /** Any other path under the base: 404, in JSON when the path ends with .json, else XML. */
    Reply unknown(String path) {
        Format f = formatOf(path);
        return new Reply(404, f, Open311Exception.errors(404, "The URL request is invalid: no such resource "
                + DocWriter.clean(path) + " (请求的资源不存在；可用资源见 discovery.xml)"));
    }

    /** A method the endpoint does not serve (PUT, DELETE, PATCH): 405 in the format the path names. */
    Reply methodNotAllowed(String method, String path) {
        return new Reply(405, formatOf(path), Open311Exception.errors(405, "Method " + method + " is not allowed: "
                + "Open311 resources answer GET, and POST on requests and servicerequestupdates (不支持该请求方法)"));
    }

    /** A refusal found before the method ran (e.g. undecodable parameters), in the format {@code ext} names. */
    Reply refused(String ext, Open311Exception e) {
        return new Reply(e.status(), Format.of(ext).orElse(Format.XML), e.doc());
    }

    private static Format formatOf(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? Format.JSON : Format.XML;
    }

    private Doc requestList(TenantDefinition t, List<CaseView> found, boolean english, boolean extended,
                            MediaLinks media) {
        return Doc.list("service_requests", "request", found.stream()
                .map(c -> RequestMapping.request(t, c, cases.journal(t.id(), c.id()), english, extended, media)).toList());
    }

    /** {@code extended_statuses}: {@code true}/{@code 1} or {@code false}/{@code 0}/absent; else 400. */
    static boolean extended(Form form) {
        String v = form.first("extended_statuses");
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw Open311Exception.badRequest("extended_statuses must be true or false "
                    + "(extended_statuses 只能是 true 或 false)");
        };
    }

    private TenantDefinition jurisdiction(Form form) {
        String id = form.required("jurisdiction_id");
        Open311Exception missing = Open311Exception.notFound("jurisdiction_id provided was not found: " + id
                + " (没有该区，或该区已暂停服务)");
        if (tenants.status(id).filter(s -> s == TenantStatus.ACTIVE).isEmpty()) {
            throw missing;
        }
        return tenants.find(id).orElseThrow(() -> missing);
    }

    private ApiKeys.Client client(TenantDefinition t, Form form) {
        String key = form.first("api_key");
        if (key == null) {
            throw Open311Exception.forbidden("api_key was not provided (未提供 api_key)");
        }
        return keys.client(t.id(), key).orElseThrow(() -> Open311Exception.forbidden(
                "Invalid api_key received -- can't proceed with the request (api_key 无效或不属于 " + t.id() + ")"));
    }

    private static CategoryDefinition service(TenantDefinition t, String code) {
        return ServiceCatalog.service(t, code).orElseThrow(() -> Open311Exception.notFound(
                "service_code provided was not found: " + code + " (本区没有该服务类型)"));
    }

    /** {@code null} for no filter (none or both given). */
    static Boolean closed(List<String> statuses) {
        Set<String> wanted = new HashSet<>();
        for (String s : statuses) {
            String v = s.toLowerCase(Locale.ROOT);
            if (!v.equals("open") && !v.equals("closed")) {
                throw Open311Exception.badRequest("status must be open or closed (status 只能是 open 或 closed): " + s);
            }
            wanted.add(v);
        }
        return wanted.size() == 1 ? wanted.contains("closed") : null;
    }

    private Reply answer(String extension, Supplier<Doc> body) {
        Optional<Format> format = Format.of(extension);
        if (format.isEmpty()) {
            return new Reply(404, Format.XML, Open311Exception.errors(404, "format " + extension
                    + " is not supported: use .xml or .json (不支持该格式，请用 .xml 或 .json)"));
        }
        Format f = format.get();
        try {
            return new Reply(200, f, body.get());
        } catch (Open311Exception e) {
            return new Reply(e.status(), f, e.doc());
        } catch (ValidationException e) {
            return new Reply(400, f, RequestIntake.invalid(e).doc());
        } catch (NotFoundException e) {
            return new Reply(404, f, Open311Exception.errors(404, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Open311 request failed", e);
            return new Reply(400, f, Open311Exception.errors(400, "General service error: the request could not be "
                    + "processed, please try again later or notify the district (服务暂时无法处理该请求，请稍后重试)"));
        }
    }
}
