package org.gongzhi.simulator;

import java.time.Duration;

/** Where updates go: the platform over HTTP, or a folder. Called from one thread per dispatch at a time. */
interface UpdateSink {

    /** What became of one attempt; {@code retryAfter} is the receiver's hint, if it gave one. */
    record Delivery(Outcome outcome, String detail, Duration retryAfter) {

        enum Outcome {
            /** 2xx, or the file is in place. */
            DELIVERED,
            /** 5xx, 408, 429, no answer, no token: try again after a back-off. */
            RETRY,
            /** 401: the cached token was dropped; one more try with a fresh one. */
            UNAUTHORIZED,
            /** Any other 4xx (or a setting that can never work): drop the update. */
            REFUSED
        }

        static Delivery delivered(String detail) {
            return new Delivery(Outcome.DELIVERED, detail, null);
        }

        static Delivery retry(String detail, Duration retryAfter) {
            return new Delivery(Outcome.RETRY, detail, retryAfter);
        }

        static Delivery refused(String detail) {
            return new Delivery(Outcome.REFUSED, detail, null);
        }
    }

    Delivery deliver(Update update, String callbackUrl);

    /** For the start-up line: where the updates go. */
    String describe();
}
