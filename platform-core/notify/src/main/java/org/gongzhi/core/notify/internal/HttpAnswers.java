package org.gongzhi.core.notify.internal;

import org.apache.camel.Exchange;

/** How the HTTP channels read an answer: 2xx took it; a 4xx other than 408/429 refused it for good; else it may pass. */
final class HttpAnswers {

    private HttpAnswers() {
    }

    static void check(Exchange ex, String who) throws ChannelFailure {
        int status = ex.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw ChannelFailure.refused(who + "拒收 (refused): HTTP " + status);
        }
        throw ChannelFailure.passing(who + "暂不可用 (unavailable): HTTP " + status);
    }
}
