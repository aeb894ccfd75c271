package org.gongzhi.core.integration;

/**
 * Thrown by a connector route when the department's system refused a dispatch for good (it will
 * refuse it again): the dispatch becomes a dead letter at once, without redelivery.
 */
public class DispatchRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public DispatchRefusedException(String message) {
        super(message);
    }
}
