package org.gongzhi.core.service;

/**
 * A district model's rule refuses a step of the closed loop (e.g. no consultation record yet);
 * the message says why, zh-CN first.
 */
public class StepRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String model;

    public StepRefusedException(String model, String message) {
        super(message);
        this.model = model;
    }

    /** The model whose rule refused the step. */
    public String model() {
        return model;
    }
}
