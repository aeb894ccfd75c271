package org.gongzhi.core.service.people;

import java.time.Instant;
import java.util.List;

/**
 * Person-level figures of a district (人员工作量, 十佳评选): who holds how much now, and who closed how much, how
 * timely and how well rated over a period. People without cases are listed with zeros.
 */
public interface PersonKpis {

    /** Every person who may hold cases (department handlers, grid workers) and anyone who holds one, by username. */
    List<Workload> workload(String tenantId);

    /**
     * The ranking over cases closed in [{@code from}, {@code to}), of the people holding {@code role}
     * ({@code department-handler}, {@code grid-worker}; {@code null}: both).
     *
     * @throws org.gongzhi.core.service.ValidationException {@code to} not after {@code from}, or an unknown role
     */
    List<PersonFigures> ranking(String tenantId, Instant from, Instant to, String role);
}
