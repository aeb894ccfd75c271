package org.gongzhi.core.service.notify;

/**
 * A notification template (通知模板) of one event: a subject (e-mail subject, inbox title) and a text,
 * both with {@code ${variable}} placeholders.
 *
 * @param subject  subject, at most 200 characters after rendering
 * @param text     text; SMS is cut at 300 characters after rendering
 * @param override whether the district overrides the shipped default
 * @since 1.0
 */
public record NotificationTemplate(String subject, String text, boolean override) {
}
