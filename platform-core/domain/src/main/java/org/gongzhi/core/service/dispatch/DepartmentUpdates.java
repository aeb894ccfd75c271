package org.gongzhi.core.service.dispatch;

import org.osgi.annotation.versioning.ProviderType;

import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.WrongDepartmentException;

/**
 * Applies progress reported by department systems to cases, each update in one transaction with
 * the case's transitions and journal.
 *
 * <p>Lead department: {@code accepted} → accept (签收); {@code in-progress} → a progress note
 * (accepting first if needed); {@code resolved} → feedback (处置反馈) with note and photos
 * (accepting first if needed); {@code returned} → return (退回, the note is the reason).
 * Co-handling department: every status becomes a progress note.
 *
 * <p>Answers: unknown dispatch or case → {@link NotFoundException}; a dispatch of another
 * department → {@link WrongDepartmentException}; a repeated update id → the first outcome with
 * {@code duplicate} set (a different update under a used id → {@link ConflictException}
 * {@code updateId}); a sequence not above the last applied, a status the case cannot take now, or
 * a dispatch that is no longer current → {@link ConflictException} naming {@code sequence},
 * {@code status} or {@code dispatchId}; bad input → {@link ValidationException}. Nothing changes
 * in any of these cases.
 */
@ProviderType
public interface DepartmentUpdates {

    UpdateOutcome apply(String tenantId, String department, DepartmentUpdate update);
}
