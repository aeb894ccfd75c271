/**
 * What every part of the core service API shares: the failures callers map to answers
 * ({@link NotFoundException}, {@link ValidationException}, {@link ConflictException},
 * {@link StepRefusedException}, …), {@link Page} of results, {@link InputText} rules for text fields and
 * {@link Readiness} of the platform's parts. The services themselves live in one package per
 * concern: {@code cases}, {@code events}, {@code dispatch}, {@code evidence}, {@code tenants},
 * {@code kpi}, {@code reports}, {@code hotline}, {@code screen}, {@code residents} (ADR 0026).
 *
 * <p>Versioned for the bundles that use it (ADR 0025): interfaces marked {@code @ProviderType} are
 * implemented by the platform only, so adding a method to one is a minor step; those marked
 * {@code @ConsumerType} ({@link Readiness} here; {@code CaseEventListener}, {@code DispatchListener})
 * are implemented by other bundles, so adding a method to one is a major step. The build compares
 * each package with the API release in {@code api-baseline/}. 2.0.0: the services moved out to their
 * concern's package. 2.1.0: {@link Page#totalExact()} (a capped count says so).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package org.gongzhi.core.service;
