package org.gongzhi.core.casework.workflow;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Checks a reported case (上报) against the district's definition and builds its record: a title of at most
 * 200 characters, a leaf category, a known channel, a grid of the district (given, or located from the
 * coordinates, which come in pairs), a well-formed phone number and e-mail address, at most
 * {@value #MAX_ATTACHMENTS} attachments. Every refusal is a {@link ValidationException} naming the field.
 *
 * @since 1.0.0
 */
public final class CaseIntake {

    /** Most attachments one intake or step may carry. */
    public static final int MAX_ATTACHMENTS = 20;
    /** Largest public note (公开答复), in characters. */
    public static final int MAX_PUBLIC_NOTE = 4000;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,20}");
    /** An e-mail address as people write it: one @, no blanks, a dot in the domain (RFC 5321 length). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

    private CaseIntake() {
    }

    /**
     * The record of a new case reported at {@code now}: status reported, the category's tier, a new id, no
     * number yet (storage numbers it).
     *
     * @param reporterSubject the reporter's identity subject, or {@code null}
     * @param keyScope        whose key space the intake's idempotency key is in (the caller's, not the client's);
     *                        checked only when the intake carries a key
     * @throws ValidationException      naming the field that is missing or wrong
     * @throws IllegalArgumentException if the intake carries a key and {@code keyScope} is not 1–200 characters
     */
    public static CaseRecord newCase(TenantDefinition tenant, NewCase in, String reporterSubject, String keyScope,
                                     Instant now) {
        String title = text("title", in.title(), 200, true);
        String description = text("description", in.description(), 4000, false);
        CategoryDefinition category = category(tenant, in.categoryCode());
        Channel channel = in.channel();
        if (channel == null) {
            throw new ValidationException("channel", "必填项 (required): channel");
        }
        boolean publicCase = channel.publicAtIntake(Boolean.TRUE.equals(in.publicConsent())); // resident channels: if they agreed
        Location at = locate(tenant, in);
        String address = text("address", in.address(), 300, false);
        String reporterName = text("reporterName", in.reporterName(), 100, false);
        if (in.reporterPhone() != null && !PHONE.matcher(in.reporterPhone()).matches()) {
            throw new ValidationException("reporterPhone", "电话号码格式不正确 (malformed phone number)");
        }
        String email = text("reporterEmail", in.reporterEmail(), 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new ValidationException("reporterEmail", "电子邮箱格式不正确 (malformed e-mail address)");
        }
        String addressId = text("addressId", in.addressId(), 100, false);
        List<String> attachments = attachments("attachments", in.attachments(), true);
        String key = text("idempotencyKey", in.idempotencyKey(), 100, false);
        String scope = key == null ? null : keyScope(keyScope);
        CaseReport report = new CaseReport(UUID.randomUUID(), null, title, description, category.code(),
                category.family().name(), channel.wireName(), at.gridCode, at.gridPath, at.longitude, at.latitude,
                address, reporterName, in.reporterPhone(), email, reporterSubject, addressId, publicCase,
                new ArrayList<>(attachments), now, key, scope, false);
        return new CaseRecord(report, LoopState.reported(category.tier()));
    }

    /**
     * The idempotency scope as given by the caller of the service (not by the client).
     *
     * @throws IllegalArgumentException if it is not 1–200 characters
     */
    public static String keyScope(String scope) {
        if (scope == null || scope.isBlank() || scope.length() > 200) {
            throw new IllegalArgumentException("an idempotency key needs a scope of 1-200 characters");
        }
        return scope;
    }

    private record Location(String gridCode, String gridPath, Double longitude, Double latitude) {
    }

    private static Location locate(TenantDefinition tenant, NewCase in) {
        GeoPoint point = null;
        if (in.longitude() != null || in.latitude() != null) {
            if (in.longitude() == null || in.latitude() == null) {
                throw new ValidationException(in.longitude() == null ? "longitude" : "latitude",
                        "经纬度须同时提供 (longitude and latitude go together)");
            }
            point = new GeoPoint(in.longitude(), in.latitude());
        }
        Optional<GridNode> grid;
        if (in.gridCode() != null) {
            grid = tenant.grids().find(in.gridCode());
            if (grid.isEmpty()) {
                throw new ValidationException("gridCode", "本区没有该网格 (unknown grid): " + in.gridCode());
            }
        } else {
            grid = point == null ? Optional.empty() : tenant.grids().locate(point);
        }
        String code = grid.map(GridNode::code).orElse(null);
        String path = code == null ? null
                : tenant.grids().pathTo(code).stream().map(GridNode::code).collect(Collectors.joining("/"));
        return new Location(code, path, point == null ? null : point.longitude(), point == null ? null : point.latitude());
    }

    /**
     * The district's leaf category {@code code}.
     *
     * @throws ValidationException ({@code categoryCode}) if it is missing, unknown or a major class
     */
    public static CategoryDefinition category(TenantDefinition tenant, String code) {
        String value = required("categoryCode", code);
        CategoryDefinition category = tenant.categories().stream()
                .filter(cd -> cd.code().equals(value)).findFirst()
                .orElseThrow(() -> new ValidationException("categoryCode", "未知的事件类别 (unknown category): " + value));
        if (!category.leaf()) {
            throw new ValidationException("categoryCode", "请选择小类而非大类 (choose a sub-category, not a major class): " + value);
        }
        return category;
    }

    /** Attachments of department systems: http(s) links only. */
    public static List<String> attachments(String field, List<String> urls) {
        return attachments(field, urls, false);
    }

    /**
     * Attachments as given: at most {@value #MAX_ATTACHMENTS} http(s) links or, where {@code evidence} is
     * allowed, recorded uploads named {@code evidence:<id>} (whether they exist is checked when storage
     * attaches them).
     *
     * @throws ValidationException naming {@code field}
     */
    public static List<String> attachments(String field, List<String> urls, boolean evidence) {
        if (urls.size() > MAX_ATTACHMENTS) {
            throw new ValidationException(field, "附件最多 " + MAX_ATTACHMENTS + " 个 (at most " + MAX_ATTACHMENTS + " attachments)");
        }
        if (evidence) {
            evidenceIds(field, urls);
        }
        for (String url : urls) {
            if (evidence && url != null && url.startsWith(EvidenceView.REFERENCE_PREFIX)) {
                continue;
            }
            URI uri;
            try {
                uri = url == null ? null : URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || url.length() > 1000) {
                throw new ValidationException(field, "附件须为 http(s) 链接或 evidence:<编号> (attachments must be http(s) URLs or evidence:<id>): " + url);
            }
        }
        return urls;
    }

    /**
     * The evidence ids the {@code evidence:<id>} references of {@code attachments} name, each once, in order.
     *
     * @throws ValidationException naming {@code field} if a reference is not followed by a UUID
     */
    public static List<UUID> evidenceIds(String field, List<String> attachments) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String a : attachments) {
            if (a != null && a.startsWith(EvidenceView.REFERENCE_PREFIX)) {
                try {
                    ids.add(UUID.fromString(a.substring(EvidenceView.REFERENCE_PREFIX.length())));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException(field, "证据编号格式不正确 (malformed evidence id): " + a);
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * A public note: stripped, at most {@value #MAX_PUBLIC_NOTE} characters; {@code null} when blank.
     *
     * @throws ValidationException ({@code publicNote}) if it is longer
     */
    public static String publicNote(String value) {
        return value == null || value.isBlank() ? null : text("publicNote", value.strip(), MAX_PUBLIC_NOTE, false);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        return value;
    }

    private static String text(String field, String value, int max, boolean required) {
        if (required) {
            required(field, value);
        }
        if (value != null && value.length() > max) {
            throw new ValidationException(field, field + " 不能超过 " + max + " 个字符 (at most " + max + " characters)");
        }
        return value;
    }
}
