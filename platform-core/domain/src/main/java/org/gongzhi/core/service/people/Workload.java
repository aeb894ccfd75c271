package org.gongzhi.core.service.people;

/**
 * What one person holds now: open cases (registered, not closed, rejected or evaluated), of those overdue
 * (clock running, past the due time), and cases they held that closed since the start of the current month
 * (the district's time zone).
 */
public record Workload(Person person, long open, long overdue, long closedThisMonth) {
}
