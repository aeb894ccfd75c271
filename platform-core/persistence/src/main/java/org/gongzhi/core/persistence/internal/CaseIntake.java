package org.gongzhi.core.persistence.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.EvidenceView;
import org.gongzhi.core.service.NewCase;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/** Checks a reported case against the tenant's definition and builds its row (上报). */
final class CaseIntake {

    static final int MAX_ATTACHMENTS = 20;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,20}");
    /** An e-mail address as people write it: one @, no blanks, a dot in the domain (RFC 5321 length). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    /** Largest public note (公开答复), in characters. */
    static final int MAX_PUBLIC_NOTE = 4000;

    private CaseIntake() {
    }

    static CaseEntity newCase(TenantDefinition tenant, NewCase in, Instant now) {
        CaseEntity c = new CaseEntity();
        c.id = UUID.randomUUID();
        c.title = text("title", in.title(), 200, true);
        c.description = text("description", in.description(), 4000, false);
        CategoryDefinition category = category(tenant, in.categoryCode());
        c.categoryCode = category.code();
        c.family = category.family().name();
        c.tier = category.tier();
        Channel channel = Channel.fromWireName(required("channel", in.channel()))
                .orElseThrow(() -> new ValidationException("channel", "未知的上报渠道 (unknown channel): " + in.channel()));
        c.channel = channel.wireName();
        c.publicCase = channel.publicAtIntake(Boolean.TRUE.equals(in.publicConsent())); // resident channels: if they agreed
        locate(tenant, in, c);
        c.address = text("address", in.address(), 300, false);
        c.reporterName = text("reporterName", in.reporterName(), 100, false);
        if (in.reporterPhone() != null && !PHONE.matcher(in.reporterPhone()).matches()) {
            throw new ValidationException("reporterPhone", "电话号码格式不正确 (malformed phone number)");
        }
        c.reporterPhone = in.reporterPhone();
        c.reporterEmail = text("reporterEmail", in.reporterEmail(), 254, false);
        if (c.reporterEmail != null && !EMAIL.matcher(c.reporterEmail).matches()) {
            throw new ValidationException("reporterEmail", "电子邮箱格式不正确 (malformed e-mail address)");
        }
        c.addressId = text("addressId", in.addressId(), 100, false);
        c.attachments = new ArrayList<>(attachments("attachments", in.attachments(), true));
        c.idempotencyKey = text("idempotencyKey", in.idempotencyKey(), 100, false);
        c.status = CaseStatus.REPORTED;
        c.reportedAt = now;
        return c;
    }

    /** The idempotency scope as given by the caller of the service (not by the client). */
    static String keyScope(String scope) {
        if (scope == null || scope.isBlank() || scope.length() > 200) {
            throw new IllegalArgumentException("an idempotency key needs a scope of 1-200 characters");
        }
        return scope;
    }

    private static void locate(TenantDefinition tenant, NewCase in, CaseEntity c) {
        GeoPoint point = null;
        if (in.longitude() != null || in.latitude() != null) {
            if (in.longitude() == null || in.latitude() == null) {
                throw new ValidationException(in.longitude() == null ? "longitude" : "latitude",
                        "经纬度须同时提供 (longitude and latitude go together)");
            }
            point = new GeoPoint(in.longitude(), in.latitude());
            c.longitude = point.longitude();
            c.latitude = point.latitude();
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
        grid.ifPresent(g -> {
            c.gridCode = g.code();
            c.gridPath = tenant.grids().pathTo(g.code()).stream().map(GridNode::code).collect(Collectors.joining("/"));
        });
    }

    static CategoryDefinition category(TenantDefinition tenant, String code) {
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
    static List<String> attachments(String field, List<String> urls) {
        return attachments(field, urls, false);
    }

    /**
     * Attachments as given: at most {@value #MAX_ATTACHMENTS} http(s) links or, where {@code evidence} is
     * allowed, recorded uploads named {@code evidence:<id>} (checked when they are attached).
     */
    static List<String> attachments(String field, List<String> urls, boolean evidence) {
        if (urls.size() > MAX_ATTACHMENTS) {
            throw new ValidationException(field, "附件最多 " + MAX_ATTACHMENTS + " 个 (at most " + MAX_ATTACHMENTS + " attachments)");
        }
        if (evidence) {
            HibernateEvidenceRecords.referenced(field, urls);
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

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "必填项 (required): " + field);
        }
        return value;
    }

    /** A public note: at most {@link #MAX_PUBLIC_NOTE} characters, or null. */
    static String publicNote(String value) {
        return value == null || value.isBlank() ? null : text("publicNote", value.strip(), MAX_PUBLIC_NOTE, false);
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
