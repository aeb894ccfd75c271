/**
 * Notifications: notices about cases written in the transaction that causes them, delivered by
 * an outbox through named channels (SMS, e-mail, WeChat Work group robots, the console's inbox)
 * with retries, back-off, dead letters and replay. Since 1.1 {@link org.gongzhi.core.service.notify.InboxSignals}
 * tells live streams when a person's inbox changed; since 1.2 the outbox claims and settles a destination's
 * notifications together, for digests; since 1.3 a claim can leave out destinations whose pace is not over; since 1.4 it moves
 * their due notifications to the end of the pace.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.gongzhi.core.service.notify;
