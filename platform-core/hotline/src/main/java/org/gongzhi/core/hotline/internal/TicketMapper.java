package org.gongzhi.core.hotline.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.core.casework.Channel;
import org.gongzhi.core.grid.GeoPoint;
import org.gongzhi.core.grid.InvalidCoordinateException;
import org.gongzhi.core.service.InputText;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.HotlineMapping;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Checks one ticket against the district and turns it into the {@link NewCase} to report: channel
 * {@code hotline}, idempotency key {@value HotlineIntake#KEY_PREFIX}{@code <ticket number>}, the
 * received time, ticket number and hotline category noted under the content. Not thread-safe
 * across tenants: one instance per batch.
 */
final class TicketMapper {

    static final Pattern TICKET_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    static final int MAX_CONTENT = 3500;
    static final int TITLE_FROM_CONTENT = 30;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,20}");
    private static final Pattern MASKED_PHONE = Pattern.compile("[0-9+\\-() *]{3,20}");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;\\n]");
    /** A ticket received up to this much "in the future" is the clocks' difference, not an error. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final TenantDefinition tenant;
    private final GridLocator grids;
    private final Clock clock;
    private final DateTimeFormatter localTime;

    TicketMapper(TenantDefinition tenant, Clock clock) {
        this.tenant = tenant;
        this.grids = new GridLocator(tenant);
        this.clock = clock;
        this.localTime = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(tenant.timeZone());
    }

    /** The ticket number if it is one, else {@code null}. */
    static String ticketNumber(RawTicket t) {
        String n = t.get(TicketField.TICKET_NUMBER);
        return n != null && TICKET_NUMBER.matcher(n).matches() ? n : null;
    }

    NewCase map(RawTicket t) throws RowRejected {
        cleanText(t);
        String number = t.get(TicketField.TICKET_NUMBER);
        if (number == null) {
            throw new RowRejected(TicketField.TICKET_NUMBER, "缺少工单编号 (ticket number missing)");
        }
        if (!TICKET_NUMBER.matcher(number).matches()) {
            throw new RowRejected(TicketField.TICKET_NUMBER, "工单编号须为 1–64 位字母、数字、点、下划线或连字符"
                    + " (a ticket number has 1–64 letters, digits, dots, underscores or hyphens): " + number);
        }
        String content = t.get(TicketField.CONTENT);
        if (content == null) {
            throw new RowRejected(TicketField.CONTENT, "缺少诉求内容 (content missing)");
        }
        if (content.length() > MAX_CONTENT) {
            throw new RowRejected(TicketField.CONTENT, "诉求内容不能超过 " + MAX_CONTENT + " 个字符 (at most "
                    + MAX_CONTENT + " characters)");
        }
        Instant received = received(t.get(TicketField.RECEIVED_AT));
        String hotlineCategory = t.get(TicketField.CATEGORY);
        String category = category(hotlineCategory);
        GeoPoint point = point(t.get(TicketField.LONGITUDE), t.get(TicketField.LATITUDE));
        String[] place = place(t);
        String grid = grids.locate(t.get(TicketField.GRID_CODE), point, place[0], place[1]);
        String phone = t.get(TicketField.CALLER_PHONE);
        boolean masked = phone != null && phone.contains("*") && MASKED_PHONE.matcher(phone).matches();
        if (phone != null && !masked && !PHONE.matcher(phone).matches()) {
            throw new RowRejected(TicketField.CALLER_PHONE, "电话号码格式不正确 (malformed phone number): " + phone);
        }
        StringBuilder note = new StringBuilder(content).append("\n\n【12345热线】工单编号 ").append(number)
                .append("；受理时间 ").append(localTime.format(received));
        if (hotlineCategory != null) {
            note.append("；热线分类 ").append(hotlineCategory);
        }
        if (masked) {
            note.append("；来电号码 ").append(phone);
        }
        return new NewCase(title(t.get(TicketField.TITLE), content), note.toString(), category,
                Channel.HOTLINE, point == null ? null : point.longitude(),
                point == null ? null : point.latitude(), t.get(TicketField.ADDRESS), grid,
                t.get(TicketField.CALLER_NAME), masked ? null : phone, t.attachments(), HotlineIntake.KEY_PREFIX + number);
    }

    /** Every cell meets {@link InputText} (no NUL, no lone surrogate), or the row is refused naming it. */
    private static void cleanText(RawTicket t) throws RowRejected {
        for (Map.Entry<TicketField, String> cell : t.values().entrySet()) {
            String problem = InputText.problem(cell.getValue());
            if (problem != null) {
                throw new RowRejected(cell.getKey(), cell.getKey().wireName() + " " + problem);
            }
        }
        for (String url : t.attachments()) {
            String problem = InputText.problem(url);
            if (problem != null) {
                throw new RowRejected(TicketField.ATTACHMENTS, TicketField.ATTACHMENTS.wireName() + " " + problem);
            }
        }
    }

    private Instant received(String text) throws RowRejected {
        if (text == null) {
            throw new RowRejected(TicketField.RECEIVED_AT, "缺少受理时间 (received time missing)");
        }
        Instant at = ReceivedTime.parse(text, tenant.timeZone()).orElseThrow(() -> new RowRejected(
                TicketField.RECEIVED_AT, "无法识别的受理时间，应如 2026-03-10 09:15:00 (unreadable received time, "
                + "expected e.g. 2026-03-10 09:15:00): " + text));
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new RowRejected(TicketField.RECEIVED_AT, "受理时间晚于当前时间 (received time is in the future): " + text);
        }
        return at;
    }

    /**
     * The leaf category: the district's mapping, else a leaf code or a unique leaf name (the
     * label's last part) of the district itself, else the default category.
     */
    private String category(String hotline) throws RowRejected {
        HotlineMapping mapping = tenant.hotline();
        Optional<String> code = hotline == null ? Optional.empty()
                : mapping.categoryFor(hotline).or(() -> ownCategory(hotline));
        if (code.isPresent()) {
            return code.get();
        }
        if (mapping.defaultCategory() != null) {
            return mapping.defaultCategory();
        }
        throw new RowRejected(TicketField.CATEGORY, hotline == null ? "缺少诉求分类 (category missing)"
                : "诉求分类「" + hotline + "」未在本区 hotline.yaml 中配置 (category maps to no category of the district)");
    }

    private Optional<String> ownCategory(String hotline) {
        List<CategoryDefinition> leaves = tenant.leafCategories();
        Optional<String> byCode = leaves.stream().map(CategoryDefinition::code).filter(hotline.strip()::equals).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        String normalised = HotlineMapping.normalise(hotline);
        String last = normalised.substring(normalised.lastIndexOf('/') + 1);
        List<String> named = leaves.stream().filter(c -> HotlineMapping.normalise(c.name()).equals(last))
                .map(CategoryDefinition::code).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private static GeoPoint point(String longitude, String latitude) throws RowRejected {
        if (longitude == null && latitude == null) {
            return null;
        }
        if (longitude == null || latitude == null) {
            throw new RowRejected(longitude == null ? TicketField.LONGITUDE : TicketField.LATITUDE,
                    "经纬度须同时提供 (longitude and latitude go together)");
        }
        double lon = number(TicketField.LONGITUDE, longitude);
        double lat = number(TicketField.LATITUDE, latitude);
        try {
            return new GeoPoint(lon, lat);
        } catch (InvalidCoordinateException e) {
            throw new RowRejected(e.field(), "坐标超出范围 (coordinate out of range): " + e.getMessage());
        }
    }

    private static double number(TicketField field, String text) throws RowRejected {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RowRejected(field, "坐标须为数字 (a coordinate is a number): " + text);
        }
    }

    /** [street, community] from their own fields or a combined 街道/社区 value. */
    private static String[] place(RawTicket t) {
        String street = t.get(TicketField.STREET);
        String community = t.get(TicketField.COMMUNITY);
        String combined = t.get(TicketField.PLACE);
        if (combined != null && street == null && community == null) {
            String[] parts = combined.split("\\s*[/／|｜\\s]\\s*", 2);
            street = parts[0].isBlank() ? null : parts[0];
            community = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : null;
        }
        return new String[] {street, community};
    }

    /** The given title, or the content's first sentence cut at {@value #TITLE_FROM_CONTENT} characters. */
    static String title(String title, String content) {
        if (title != null) {
            return title;
        }
        String flat = content.strip();
        java.util.regex.Matcher end = SENTENCE_END.matcher(flat);
        String first = end.find() && end.start() > 0 ? flat.substring(0, end.start()) : flat;
        first = first.replaceAll("\\s+", " ").strip();
        return first.codePointCount(0, first.length()) <= TITLE_FROM_CONTENT ? first
                : first.substring(0, first.offsetByCodePoints(0, TITLE_FROM_CONTENT)) + "…";
    }
}
