package org.gongzhi.keycloak.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the server: a free one, a given one checked free, a valid number. */
final class Ports {

    private Ports() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    static int checkFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use");
        }
    }

    static int check(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        return port;
    }
}
