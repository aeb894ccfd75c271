package org.gongzhi.core.service.notify;

import java.util.Objects;

/**
 * Who a notice is for, as the case knows it; the notification outbox resolves it to people and
 * their channels through the district's definition and the people's preferences.
 *
 * @param kind whom {@code ref} names
 * @param ref  a username, department code, grid code or role wire name; {@code null} for {@link Kind#CITY}
 */
public record NoticeRecipient(Kind kind, String ref) {

    /** What a recipient reference names. */
    public enum Kind {
        /** One person of the district, by username. */
        PERSON,
        /** Everyone who handles cases for a department, and the department's own group channels. */
        DEPARTMENT,
        /** The grid workers of a grid (and of no other). */
        GRID,
        /** Every person of the district holding a role, e.g. {@code dispatcher}, {@code district-leader}. */
        ROLE,
        /** The city centre (the city realm's supervisors). */
        CITY
    }

    /** Checks that every kind but {@link Kind#CITY} has a reference. */
    public NoticeRecipient {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.CITY && (ref == null || ref.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " recipient needs a reference");
        }
    }
}
