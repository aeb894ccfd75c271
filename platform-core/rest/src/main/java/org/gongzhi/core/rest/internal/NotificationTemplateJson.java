package org.gongzhi.core.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.notify.NotificationTemplate;
import org.gongzhi.core.service.notify.ShippedTemplate;

/** Wire forms of the district's notification templates (通知模板). */
final class NotificationTemplateJson {

    /** {@code ${name}} and {@code ${name:-fallback}} as Commons Text reads them. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}:]*)(?::-[^}]*)?}");

    private NotificationTemplateJson() {
    }

    /** One event's template in force, the shipped one beside it and the variables it may use. */
    record Template(String event, String subject, String text, boolean override, String shippedSubject,
                    String shippedText, List<String> variables) {
        static Template of(String event, NotificationTemplate inForce, ShippedTemplate shipped) {
            return new Template(event, inForce.subject(), inForce.text(), inForce.override(),
                    shipped.template().subject(), shipped.template().text(), shipped.variables());
        }
    }

    /** The texts a district sets for an event. */
    record Edit(String subject, String text) {

        /**
         * The template asked for; 400 naming {@code subject} or {@code text} when one is missing or uses a
         * variable the event's notices do not carry (lengths are the service's to check).
         */
        NotificationTemplate parsed(Set<String> variables) {
            return new NotificationTemplate(checked("subject", subject, variables), checked("text", text, variables), true);
        }

        private static String checked(String field, String value, Set<String> variables) {
            if (value == null || value.isBlank()) {
                throw new ValidationException(field, "必填项 (required): " + field);
            }
            Set<String> unknown = new TreeSet<>();
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                if (!variables.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
            if (!unknown.isEmpty()) {
                throw new ValidationException(field, "此事件没有这些变量 (the event has no such variables): "
                        + InboxParams.shown(String.join(", ", unknown)));
            }
            return value;
        }
    }
}
