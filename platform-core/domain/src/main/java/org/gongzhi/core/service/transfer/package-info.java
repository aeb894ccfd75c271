/**
 * Cross-district transfer of cases (跨区转办, ADR 0037): where a reporter lives and where their household is
 * registered, the rule's proposal (seed 002: service matters by residence, rights matters by household
 * registration) and the transfers themselves, which the receiving district accepts or refuses.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district) id first;
 * failures are the exceptions of {@code org.gongzhi.core.service}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.service.transfer;
