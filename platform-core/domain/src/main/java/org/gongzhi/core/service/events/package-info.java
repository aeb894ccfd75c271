/**
 * Case events as they are committed: a {@link org.gongzhi.core.service.events.CaseEvent} per
 * report, step and department update, delivered after commit to every registered {@link
 * org.gongzhi.core.service.events.CaseEventListener} and kept for a short replay by {@link
 * org.gongzhi.core.service.events.CaseEvents}; {@link org.gongzhi.core.service.events.CaseEventExports}
 * keeps them as a durable log for exporters (1.1).
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.service.events;
