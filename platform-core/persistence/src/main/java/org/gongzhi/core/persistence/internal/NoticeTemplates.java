package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.text.StringSubstitutor;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NotificationTemplate;

/**
 * Notification templates (通知模板): the zh-CN defaults shipped in {@code notify/templates-zh-CN.properties}
 * and their rendering with Apache Commons Text's {@link StringSubstitutor} ({@code ${name}},
 * {@code ${name:-fallback}}). Values are not substituted again, so a variable holding {@code ${…}} stays
 * as it is. An event without a template uses {@value #DEFAULT}.
 */
final class NoticeTemplates {

    static final String DEFAULT = "default";
    /** Event keys: dotted lower-case words, e.g. {@code supervision.reminder.warning}. */
    static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+){0,7}");
    static final int MAX_EVENT = 80;
    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 2000;
    private static final Map<String, NotificationTemplate> SHIPPED = load();

    /** A rendered notification. */
    record Rendered(String subject, String text) {
    }

    private NoticeTemplates() {
    }

    /** The shipped templates by event key. */
    static Map<String, NotificationTemplate> shipped() {
        return SHIPPED;
    }

    /** The shipped template of {@code event}, or the default one. */
    static NotificationTemplate shipped(String event) {
        NotificationTemplate t = SHIPPED.get(event);
        return t != null ? t : SHIPPED.get(DEFAULT);
    }

    /** Renders {@code template} for {@code notice} of district {@code districtName}. */
    static Rendered render(NotificationTemplate template, Notice notice, String districtName) {
        Map<String, String> vars = new HashMap<>(notice.variables());
        vars.put("caseNumber", notice.caseNumber() == null ? "" : notice.caseNumber());
        vars.put("district", districtName);
        vars.put("event", notice.event());
        StringSubstitutor sub = new StringSubstitutor(vars);
        sub.setDisableSubstitutionInValues(true);
        return new Rendered(OutboxRows.clip(sub.replace(template.subject()).strip(), MAX_SUBJECT),
                OutboxRows.clip(sub.replace(template.text()).strip(), MAX_TEXT));
    }

    private static Map<String, NotificationTemplate> load() {
        Properties p = new Properties();
        try (InputStream in = NoticeTemplates.class.getResourceAsStream("/notify/templates-zh-CN.properties")) {
            if (in == null) {
                throw new IllegalStateException("notify/templates-zh-CN.properties is missing from the bundle");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, NotificationTemplate> out = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".subject")) {
                String event = key.substring(0, key.length() - ".subject".length());
                String text = p.getProperty(event + ".text");
                if (text == null) {
                    throw new IllegalStateException("template " + event + " has a subject and no text");
                }
                out.put(event, new NotificationTemplate(p.getProperty(key), text, false));
            }
        }
        if (!out.containsKey(DEFAULT)) {
            throw new IllegalStateException("the shipped templates have no " + DEFAULT);
        }
        return Map.copyOf(out);
    }
}
