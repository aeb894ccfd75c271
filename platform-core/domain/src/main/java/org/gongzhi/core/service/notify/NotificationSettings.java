package org.gongzhi.core.service.notify;

import java.util.Map;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-person preferences and per-district templates of notifications. Implemented by the
 * persistence bundle; called by the REST layer.
 *
 * <p>Templates: the platform ships zh-CN defaults per event key; a district may override an event's
 * text. Texts use {@code ${name}} variables (Apache Commons Text); always available are
 * {@code caseNumber}, {@code district} and {@code event}, besides the notice's own variables;
 * {@code ${name:-fallback}} gives a fallback for a missing one.
 *
 * @since 1.0
 */
@ProviderType
public interface NotificationSettings {

    /** The person's preferences; {@link NotificationPreferences#defaults()} when they chose none. */
    NotificationPreferences preferences(String tenantId, String username);

    /**
     * Replaces the person's preferences.
     *
     * @throws NotFoundException for an unknown district
     */
    NotificationPreferences setPreferences(String tenantId, String username, NotificationPreferences preferences);

    /** The shipped templates (zh-CN) of every event with the variables its notices carry, by event key. */
    Map<String, ShippedTemplate> shippedTemplates();

    /** The templates in force for the district, by event key (shipped defaults and the district's overrides). */
    Map<String, NotificationTemplate> templates(String tenantId);

    /**
     * Overrides the text of one event for the district.
     *
     * @throws ValidationException ({@code event}, {@code subject}, {@code text}) for a malformed key or empty texts
     */
    NotificationTemplate setTemplate(String tenantId, String event, NotificationTemplate template, String actor);

    /** Removes the district's override (the shipped default applies again); false when there was none. */
    boolean resetTemplate(String tenantId, String event);
}
