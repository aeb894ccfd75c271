/**
 * The case closed loop of one district: intake ({@link
 * org.gongzhi.core.service.cases.NewCase}), steps ({@link
 * org.gongzhi.core.service.cases.TransitionCommand}), the case as callers see it, lists and the
 * journal. {@link org.gongzhi.core.service.cases.CaseService} is implemented by the persistence
 * bundle and confines every read and write to the tenant it is given.
 *
 * <p>Part of the core service API (ADR 0025, ADR 0026): every method takes the tenant (district)
 * id first; failures are the exceptions of {@code org.gongzhi.core.service}.
 *
 * <p>2.0.0: the intake channel of {@code NewCase}, {@code CaseQuery} and {@code CaseView} is a
 * {@link org.gongzhi.core.casework.Channel}, no longer its wire name as a string.
 *
 * <p>2.1.0: {@code CaseService.export} streams a query's matches as {@code CaseLine}s.
 * {@code CaseService.count} counts exactly; a word search's {@code list} caps its total at
 * {@code CaseQuery.WORD_COUNT_CAP}.
 *
 * <p>2.2.0: {@code CaseQuery.COUNT_CAP} (1,000) caps the total of a word search and of a list with no filter;
 * {@code WORD_COUNT_CAP} is deprecated and equals it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package org.gongzhi.core.service.cases;
