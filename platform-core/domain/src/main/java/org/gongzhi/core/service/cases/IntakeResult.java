package org.gongzhi.core.service.cases;

/** Result of an intake: the case and whether this call created it (false: idempotent replay). */
public record IntakeResult(CaseView kase, boolean created) {
}
