package org.gongzhi.core.service;

/** A department acted on a dispatch or case that is not its own; message zh-CN first. */
public class WrongDepartmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongDepartmentException(String message) {
        super(message);
    }
}
