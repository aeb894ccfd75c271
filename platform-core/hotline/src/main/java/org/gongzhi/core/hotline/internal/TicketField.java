package org.gongzhi.core.hotline.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a 12345 ticket (工单字段) and the names a batch may give them: CSV column headers,
 * XML element names and JSON keys, Chinese or English. Names are compared without blanks,
 * underscores or hyphens and case-insensitively. {@link #PLACE} is a combined 街道/社区 column.
 */
enum TicketField {
    TICKET_NUMBER("ticketNumber", "工单编号", "工单号", "编号", "ticketNo", "ticketId", "ticket"),
    RECEIVED_AT("receivedAt", "受理时间", "来电时间", "登记时间", "received", "receivedTime"),
    CALLER_NAME("callerName", "来电人", "来电人姓名", "诉求人", "caller"),
    CALLER_PHONE("callerPhone", "联系电话", "来电号码", "联系方式", "phone"),
    TITLE("title", "标题", "诉求标题", "工单标题", "subject"),
    CONTENT("content", "诉求内容", "工单内容", "内容", "来电内容", "description"),
    CATEGORY("category", "诉求分类", "问题分类", "分类", "业务分类"),
    ADDRESS("address", "地址", "事发地址", "诉求地址", "事发地点"),
    STREET("street", "街道", "乡镇街道", "街道乡镇", "镇街", "town"),
    COMMUNITY("community", "社区", "社区村", "村社区", "村居", "village"),
    PLACE("place", "街道/社区", "街道社区"),
    GRID_CODE("gridCode", "网格编码", "网格代码", "网格", "grid"),
    LONGITUDE("longitude", "经度", "lng", "lon"),
    LATITUDE("latitude", "纬度", "lat"),
    ATTACHMENTS("attachments", "附件", "附件链接", "attachment");

    private static final Map<String, TicketField> BY_NAME = new HashMap<>();

    static {
        for (TicketField f : values()) {
            BY_NAME.put(key(f.wireName), f);
            for (String alias : f.aliases) {
                BY_NAME.put(key(alias), f);
            }
        }
    }

    private final String wireName;
    private final List<String> aliases;

    TicketField(String wireName, String... aliases) {
        this.wireName = wireName;
        this.aliases = List.of(aliases);
    }

    /** The English name, used as {@code field} of a rejected row, e.g. {@code ticketNumber}. */
    String wireName() {
        return wireName;
    }

    /** The first Chinese name, e.g. 工单编号. */
    String labelZh() {
        return aliases.get(0);
    }

    /** The field a column header, element name or key stands for; empty for others (they are ignored). */
    static Optional<TicketField> forName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(key(name)));
    }

    private static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return s.replaceAll("[\\s_\\-（）()]", "");
    }
}
