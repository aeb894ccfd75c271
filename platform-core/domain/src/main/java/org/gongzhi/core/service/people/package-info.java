/**
 * People of a district and their cases (承办人, issue 17 part 3, ADR 0035): assigning a case to a named
 * handler and reassigning it ({@link org.gongzhi.core.service.people.AssignmentService}, one call per case so
 * that a bulk caller gets a result per case), the workload per person and the person-level figures of the
 * top-ten awards ({@link org.gongzhi.core.service.people.PersonKpis}).
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district) id first;
 * failures are the exceptions of {@code org.gongzhi.core.service}. People are those of the district's
 * definition ({@code people.yaml}, provisioned to Keycloak), named by username; results carry names and
 * roles, never phones or e-mail addresses.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.gongzhi.core.service.people;
