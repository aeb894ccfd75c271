package org.gongzhi.core.persistence.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.service.notify.Notification;
import org.gongzhi.core.service.notify.NotificationChannel;
import org.gongzhi.core.service.notify.NotificationPreferences;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * Resolves a notice's recipients through the district's definition into destinations: people (by
 * username) and WeCom robot groups. A person named by several recipients is one destination.
 * <ul>
 *   <li>{@code PERSON}: that username (a person not in the definition, e.g. managed in Keycloak only,
 *       gets the inbox only: the definition has no address of theirs);</li>
 *   <li>{@code DEPARTMENT}: the people whose department it is, and the group {@code department:<code>};</li>
 *   <li>{@code GRID}: the people working in exactly that grid;</li>
 *   <li>{@code ROLE}: the people holding the role (an unknown role: nobody); a person whose work is
 *       limited to grids (a street or community centre's dispatcher, ADR 0036) only for a case in their
 *       grids' subtrees, and not for a notice without a case;</li>
 *   <li>{@code CITY}: the group {@code city}.</li>
 * </ul>
 */
final class NoticeRecipients {

    /** A person or a group to notify. {@code person} is {@code null} for a group or an unknown username. */
    record Destination(String name, boolean group, PersonDefinition person) {
    }

    private NoticeRecipients() {
    }

    static List<Destination> resolve(TenantDefinition district, List<NoticeRecipient> recipients) {
        return resolve(district, recipients, null);
    }

    /** As above, for a notice about a case in {@code caseGrid} ({@code null}: no case, or none known). */
    static List<Destination> resolve(TenantDefinition district, List<NoticeRecipient> recipients, String caseGrid) {
        Map<String, Destination> out = new LinkedHashMap<>();
        for (NoticeRecipient r : recipients) {
            switch (r.kind()) {
                case PERSON -> {
                    Optional<PersonDefinition> p = district.people().stream()
                            .filter(x -> x.username().equals(r.ref())).findFirst();
                    if (PersonDefinition.USERNAME.matcher(r.ref()).matches()) {
                        out.putIfAbsent(r.ref(), new Destination(r.ref(), false, p.orElse(null)));
                    }
                }
                case DEPARTMENT -> {
                    if (district.department(r.ref()).isPresent()) {
                        people(out, district.people().stream().filter(p -> r.ref().equals(p.department())).toList());
                        String group = Notification.DEPARTMENT_GROUP + r.ref();
                        out.putIfAbsent(group, new Destination(group, true, null));
                    }
                }
                case GRID -> people(out, district.people().stream().filter(p -> p.grids().contains(r.ref())).toList());
                case ROLE -> Role.fromId(r.ref()).ifPresent(role -> people(out, district.people().stream()
                        .filter(p -> p.has(role) && inArea(p, caseGrid)).toList()));
                case CITY -> out.putIfAbsent(Notification.CITY_GROUP,
                        new Destination(Notification.CITY_GROUP, true, null));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Whether a role notice about a case in {@code caseGrid} concerns {@code p}: always unless p works in some grids only. */
    static boolean inArea(PersonDefinition p, String caseGrid) {
        return p.grids().isEmpty() || caseGrid != null && p.grids().stream().anyMatch(caseGrid::startsWith);
    }

    private static void people(Map<String, Destination> out, List<PersonDefinition> people) {
        for (PersonDefinition p : people) {
            out.putIfAbsent(p.username(), new Destination(p.username(), false, p));
        }
    }

    /**
     * The channels of one destination: a group's robot; for a person the inbox and those of their
     * preferences they have an address for (SMS needs a phone).
     */
    static Set<NotificationChannel> channels(Destination d, NotificationPreferences preferences) {
        if (d.group()) {
            return EnumSet.of(NotificationChannel.WECOM);
        }
        EnumSet<NotificationChannel> out = EnumSet.of(NotificationChannel.INBOX);
        if (d.person() == null) {
            return out;
        }
        for (NotificationChannel c : preferences.channels()) {
            if (c == NotificationChannel.SMS && (d.person().phone() == null || d.person().phone().isBlank())) {
                continue;
            }
            out.add(c);
        }
        return out;
    }
}
