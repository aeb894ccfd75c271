package org.gongzhi.core.service.people;

import java.util.List;

/**
 * A person of the district as the people views show them: username, display name (姓名), the role they hold a
 * case in ({@code department-handler} or {@code grid-worker}), their department code and grids. No phone, no
 * e-mail.
 */
public record Person(String username, String name, String role, String department, List<String> grids) {

    public Person {
        grids = grids == null ? List.of() : List.copyOf(grids);
    }
}
