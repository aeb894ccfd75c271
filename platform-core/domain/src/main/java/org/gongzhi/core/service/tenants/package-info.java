/**
 * Districts (tenants): the directory every bundle reads, the administration city administrators
 * use, provisioning of their identity realm, and the catalog of district-model plugins they
 * enable.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.service.tenants;
