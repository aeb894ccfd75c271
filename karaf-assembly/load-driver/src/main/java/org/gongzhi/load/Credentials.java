package org.gongzhi.load;

/**
 * A Keycloak account the driver logs in with (password grant). {@link #toString()} hides the password, so it
 * cannot end up in a log line or a report by accident.
 */
record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=****]";
    }
}
