package org.gongzhi.simulator;

import java.util.Locale;

/** What a down department system does with a dispatch request. */
public enum DownMode {
    /** Answer {@code 503 Service Unavailable} with a {@code Retry-After} header. */
    UNAVAILABLE("503"),
    /** Close the connection without any answer, as a crashed server would. */
    REFUSE("refuse");

    private final String flag;

    DownMode(String flag) {
        this.flag = flag;
    }

    /** The command-line spelling: {@code 503} or {@code refuse}. */
    public String flag() {
        return flag;
    }

    public static DownMode parse(String value) {
        for (DownMode m : values()) {
            if (m.flag.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("down mode must be 503 or refuse: " + value);
    }
}
