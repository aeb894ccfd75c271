package org.gongzhi.core.service.notify;

import java.util.List;

/**
 * A template the platform ships for one event, with the variables a notice of that event can carry
 * (always {@code caseNumber}, {@code district} and {@code event}); a district's override may use any of them.
 *
 * @param template  the shipped subject and text ({@link NotificationTemplate#override()} is false)
 * @param variables the variable names, sorted
 * @since 1.0
 */
public record ShippedTemplate(NotificationTemplate template, List<String> variables) {

    public ShippedTemplate {
        variables = List.copyOf(variables);
    }
}
