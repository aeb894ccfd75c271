/**
 * Supervision (督办) of cases: automatic reminders (催办) when a case reaches its warning or due
 * time, supervision orders with their own deadline (督办), listed supervision of major matters with a
 * list the district publishes (挂牌督办), and escalation to the city (提级督办) when a case is overdue
 * by the district's margin or reworked too often (the 12345 norm). Each is a record on the case,
 * journaled, and tells whoever holds the case through the notification outbox.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026, ADR 0028): every method of a district takes
 * the tenant (district) id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.service.supervision;
