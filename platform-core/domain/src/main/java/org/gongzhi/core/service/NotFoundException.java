package org.gongzhi.core.service;

/** The tenant or a resource within it does not exist, or is not visible to the caller. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
