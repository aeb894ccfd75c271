/**
 * The 12345 hotline: intake of its exports in batches (formats, per-row results, the batch outcome) and
 * the callback to the caller after a case closed (回访, {@link org.gongzhi.core.service.hotline.HotlineCallbacks}, since 1.1).
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.gongzhi.core.service.hotline;
