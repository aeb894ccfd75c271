/**
 * Schedules that fire once across all platform nodes: work registers as {@link
 * org.gongzhi.core.service.schedule.ScheduledWork} services, the scheduler bundle keeps the
 * triggers in the shared database (ADR 0027).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.service.schedule;
