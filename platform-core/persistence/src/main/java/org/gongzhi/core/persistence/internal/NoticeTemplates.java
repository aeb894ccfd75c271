package org.gongzhi.core.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.text.StringSubstitutor;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.gongzhi.core.service.notify.ShippedTemplate;

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
    /** The variables every notice carries. */
    static final List<String> ALWAYS = List.of("caseNumber", "district", "event");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)(?::-[^}]*)?}");
    private static final Properties FILE = file();
    private static final Map<String, NotificationTemplate> SHIPPED = load();
    private static final Map<String, ShippedTemplate> WITH_VARIABLES = withVariables();

    /** A rendered notification. */
    record Rendered(String subject, String text) {
    }

    private NoticeTemplates() {
    }

    /** The shipped templates by event key. */
    static Map<String, NotificationTemplate> shipped() {
        return SHIPPED;
    }

    /** The shipped templates by event key with their variables. */
    static Map<String, ShippedTemplate> shippedWithVariables() {
        return WITH_VARIABLES;
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

    private static Properties file() {
        Properties p = new Properties();
        try (InputStream in = NoticeTemplates.class.getResourceAsStream("/notify/templates-zh-CN.properties")) {
            if (in == null) {
                throw new IllegalStateException("notify/templates-zh-CN.properties is missing from the bundle");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Declared ({@code <event>.variables}) or, without a declaration, those the shipped texts use; always {@link #ALWAYS}. */
    private static Map<String, ShippedTemplate> withVariables() {
        Map<String, ShippedTemplate> out = new TreeMap<>();
        SHIPPED.forEach((event, t) -> {
            TreeSet<String> names = new TreeSet<>(ALWAYS);
            String declared = FILE.getProperty(event + ".variables");
            if (declared != null) {
                for (String v : declared.split(",")) {
                    names.add(v.strip());
                }
            } else {
                Matcher m = VARIABLE.matcher(t.subject() + "\n" + t.text());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            out.put(event, new ShippedTemplate(t, List.copyOf(names)));
        });
        return Map.copyOf(out);
    }

    private static Map<String, NotificationTemplate> load() {
        Properties p = FILE;
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
