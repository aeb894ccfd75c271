package org.gongzhi.simulator;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the simulator was built with, checked by {@link SimulatorBuilder#build()}.
 *
 * @param progressAfter  {@code null} when no {@code in-progress} update is sent
 * @param requiredHeader {@code null} when dispatches need no credential
 * @param poisonTitle    {@code null} when no title is poison
 * @param dropDir        {@code null} without a drop folder
 * @param updatesDir     {@code null} to post updates over HTTP
 * @param smsRequiredHeader {@code null} when the SMS provider endpoint needs no credential
 * @param smtpPort       port of the SMTP server; -1 = none, 0 = a free one
 */
record Settings(String host, int port, Template dispatchPath, RequiredHeader requiredHeader, Duration latency,
                double failRate, int failTimes, long seed, Duration downFor, DownMode downMode, String poisonTitle,
                Path dropDir, Duration rescan, Duration acceptAfter, Duration progressAfter, Duration resolveAfter,
                double returnRate, boolean updates, URI platformUrl, Template updatePath, Template tokenUrl,
                Template clientId, ClientSecrets secrets, Path updatesDir, Duration retryInitial, Duration retryMax,
                Duration requestTimeout, int threads, boolean quiet, PrintStream out,
                RequiredHeader smsRequiredHeader, int smtpPort) {

    /** The header every dispatch request must carry, e.g. {@code Authorization: Bearer secret}. */
    record RequiredHeader(String name, String value) {

        static RequiredHeader parse(String spec) {
            return parse("--require-header", spec);
        }

        static RequiredHeader parse(String option, String spec) {
            int colon = spec.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(option + " must look like 'Name: value', e.g. "
                        + "'X-Api-Key: k1' or 'Authorization: Bearer secret'");
            }
            return new RequiredHeader(spec.substring(0, colon).trim(), spec.substring(colon + 1).trim());
        }

        @Override
        public String toString() {
            return name + ": ***"; // never print the credential
        }
    }
}
