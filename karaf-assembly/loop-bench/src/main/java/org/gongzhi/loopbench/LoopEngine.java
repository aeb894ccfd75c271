package org.gongzhi.loopbench;

/**
 * One way of running the closed loop (闭环) of a case: every call of {@link #loop} takes one new case
 * through all seven steps, each step committed in its own transaction, and returns when the last one
 * has committed. Called by many threads at once, each with its own worker number.
 */
interface LoopEngine extends AutoCloseable {

    /** Short name for the report: {@code jdbc}, {@code flowable}. */
    String name();

    /** One whole loop of case {@code n} of worker {@code worker}; any failure is thrown. */
    void loop(int worker, long n) throws Exception;

    @Override
    void close();
}
