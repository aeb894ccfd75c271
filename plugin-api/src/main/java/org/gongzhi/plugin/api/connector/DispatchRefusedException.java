package org.gongzhi.plugin.api.connector;

/**
 * Thrown by {@link DepartmentConnector#deliver} when the department's system refused a dispatch for
 * good (it would refuse it again, e.g. a validation error of its own, or a connector option missing):
 * the dispatch becomes a dead letter at once, which an operator may replay after fixing the cause.
 *
 * @since 1.0
 */
public class DispatchRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason why, zh-CN first and English in brackets; kept with the dead letter, so no personal data */
    public DispatchRefusedException(String reason) {
        super(reason);
    }
}
