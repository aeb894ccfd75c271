package org.gongzhi.core.open311.internal;

import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * POST requests: turns the form into a case reported through channel {@code open311} by
 * {@code open311:<client name>} (a public case). Location: {@code lat} and {@code long} (the platform
 * locates the grid; a point outside the district's grids is refused), or {@code address_string}, or
 * {@code address_id}; {@code address_id} is kept as given and shown again. The reporter's
 * {@code first_name}/{@code last_name}, {@code phone} and {@code email} are kept for staff and never
 * shown on the public endpoint nor logged. The title is the start of the description, or the
 * service name. Platform validation errors become 400 errors naming the GeoReport parameter.
 */
final class RequestIntake {

    /** The specification's limit of a description. */
    static final int MAX_DESCRIPTION = 4000;
    private static final int TITLE_CHARS = 40;
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("longitude", "long"), Map.entry("latitude", "lat"), Map.entry("address", "address_string"),
            Map.entry("attachments", "media_url"), Map.entry("reporterName", "first_name/last_name"),
            Map.entry("reporterPhone", "phone"), Map.entry("reporterEmail", "email"),
            Map.entry("description", "description"), Map.entry("title", "description"),
            Map.entry("categoryCode", "service_code"), Map.entry("addressId", "address_id"),
            Map.entry("publicNote", "description"), Map.entry("note", "description"));

    private final CaseService cases;

    RequestIntake(CaseService cases) {
        this.cases = cases;
    }

    /** Reports the case; answers the created request. */
    Doc post(TenantDefinition t, Form form, ApiKeys.Client client) {
        String code = form.required("service_code");
        CategoryDefinition service = ServiceCatalog.service(t, code).orElseThrow(() -> Open311Exception.notFound(
                "service_code provided was not found: " + code + " (本区没有该服务类型)"));
        Double lat = form.decimal("lat");
        Double lon = form.decimal("long");
        String addressString = form.first("address_string");
        String addressId = form.first("address_id");
        if ((lat == null) != (lon == null)) {
            throw Open311Exception.badRequest((lat == null ? "lat" : "long") + " was not provided: lat and long go together "
                    + "(经纬度须同时提供)");
        }
        if (lat == null && addressString == null && addressId == null) {
            throw Open311Exception.badRequest("A full location parameter must be submitted: lat & long, address_string "
                    + "or address_id (未提供位置：请提供经纬度、地址或地址编号)");
        }
        if (lat != null) {
            requireInside(t, lon, lat);
        }
        String description = form.first("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest("description is longer than " + MAX_DESCRIPTION + " characters "
                    + "(描述不能超过 " + MAX_DESCRIPTION + " 个字符)");
        }
        AttributeAnswers answers = AttributeAnswers.check(service, form.all(), t.timeZone());
        NewCase newCase = new NewCase(title(description, service), answers.describe(description), service.code(),
                Channel.OPEN311, lon, lat, addressString, null, reporter(form), form.first("phone"),
                form.values("media_url"), null, form.first("email"), addressId);
        CaseView c;
        try {
            c = cases.report(t.id(), newCase, "open311:" + client.name(), null).kase();
        } catch (ValidationException e) {
            throw invalid(e);
        }
        return Doc.list("service_requests", "request", List.of(Doc.fields(
                "service_request_id", c.number(),
                "service_notice", RequestMapping.notice(t, c.tier()),
                "account_id", form.first("account_id"))));
    }

    private static void requireInside(TenantDefinition t, double lon, double lat) {
        GeoPoint point;
        try {
            point = new GeoPoint(lon, lat);
        } catch (IllegalArgumentException e) {
            throw Open311Exception.badRequest("lat/long are not valid WGS84 coordinates (经纬度超出范围): " + lat + ", " + lon);
        }
        if (t.grids().locate(point).isEmpty()) {
            throw Open311Exception.badRequest("lat/long " + lat + ", " + lon + " is outside jurisdiction " + t.id()
                    + " (该位置不在" + t.name() + "的网格范围内)");
        }
    }

    /** A short title: the first line of the description, else the service name. */
    static String title(String description, CategoryDefinition service) {
        String first = description == null ? "" : description.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return service.name() + "（Open311 上报）";
        }
        return first.codePointCount(0, first.length()) <= TITLE_CHARS ? first
                : first.substring(0, first.offsetByCodePoints(0, TITLE_CHARS)) + "…";
    }

    private static String reporter(Form form) {
        String first = form.first("first_name");
        String last = form.first("last_name");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }

    /** A platform validation error as a 400 naming the GeoReport parameter. */
    static Open311Exception invalid(ValidationException e) {
        String parameter = PARAMETERS.getOrDefault(e.field(), e.field());
        return Open311Exception.badRequest(parameter + " is invalid (" + parameter + " 无效): " + e.getMessage());
    }
}
