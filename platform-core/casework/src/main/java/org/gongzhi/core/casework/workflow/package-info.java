/**
 * The case workflow (事件闭环的办理规则) on a plain case record: what an intake must carry
 * ({@link org.gongzhi.core.casework.workflow.CaseIntake}), what each step of the closed loop needs and
 * changes ({@link org.gongzhi.core.casework.workflow.CaseWorkflow}), and which steps a department's
 * progress report takes ({@link org.gongzhi.core.casework.workflow.ProgressStatus}).
 *
 * <p>Which status may follow which is asked of {@link org.gongzhi.core.casework.CaseLifecycle}, once per
 * step. Nothing here reads or writes storage, runs plugins or knows OSGi: the caller (the persistence
 * bundle) loads the {@link org.gongzhi.core.casework.workflow.CaseRecord}, answers the
 * {@link org.gongzhi.core.casework.workflow.StepHooks} the workflow asks during a step (plugin guards and
 * triage, the district's operating mode), and writes the
 * {@link org.gongzhi.core.casework.workflow.StepOutcome} in one transaction. Rule violations are the
 * service exceptions of {@code org.gongzhi.core.service} ({@code ValidationException} naming the field,
 * {@code ConflictException}, {@code IllegalTransitionException}), so REST answers them as before.
 *
 * <p>Every type is provided by this bundle; callers use them, they do not implement them (except
 * {@link org.gongzhi.core.casework.workflow.StepHooks}, which the storage side implements). Stateless
 * and thread-safe unless a type says otherwise.
 *
 * @since 1.0.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.casework.workflow;
