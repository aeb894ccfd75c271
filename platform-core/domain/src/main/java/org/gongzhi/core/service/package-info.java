/**
 * Services of the platform core and the values they exchange. Implemented by the persistence
 * bundle; called by REST resources, shell commands and integration routes. Every method takes
 * the tenant (district) id first: implementations confine all reads and writes to it.
 *
 * <p>Versioned for the bundles that use it (ADR 0025): interfaces marked {@code @ProviderType} are
 * implemented by the platform only, so adding a method to one is a minor step; those marked
 * {@code @ConsumerType} ({@link CaseEventListener}, {@link DispatchListener}, {@link Readiness}) are
 * implemented by other bundles, so adding a method to one is a major step. The build compares
 * the package with the API release in {@code api-baseline/}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.9.0")
package org.gongzhi.core.service;
