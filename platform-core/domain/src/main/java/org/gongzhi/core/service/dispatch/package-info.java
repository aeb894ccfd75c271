/**
 * Dispatches to departments and what comes back: the outbox of outbound dispatches (retries,
 * dead letters, replay), the listeners that deliver them, and department progress updates
 * applied to cases; since 1.1 the districts' responsibility lists (责任清单, {@link ResponsibilityLists}).
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.service.dispatch;
