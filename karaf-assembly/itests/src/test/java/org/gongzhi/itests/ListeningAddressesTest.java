package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.BundleContext;

/**
 * What the platform listens on, with the distribution's own settings (only the ports are changed by the test):
 * every listening TCP socket of the Karaf process is bound to a loopback address. Read from inside the process,
 * the way {@code ss -ltnp} does: the socket inodes behind {@code /proc/self/fd}, looked up in
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}. Linux only.
 */
public class ListeningAddressesTest extends PlatformTestSupport {

    /** State LISTEN in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    /** A listening socket: local address and port. */
    record Listener(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    @Inject
    private BundleContext bundleContext;

    @Override
    protected boolean remoteShell() {
        return true; // the SSH console is part of what listens
    }

    @Test
    public void everythingKarafListensOnIsLoopback() throws Exception {
        int harness = paxExamRemotePort();
        List<Listener> listeners = listenersOfThisProcess().stream().filter(l -> l.port() != harness).toList();
        Set<Integer> ports = listeners.stream().map(Listener::port).collect(Collectors.toCollection(TreeSet::new));
        // the reading works: the HTTP API and the SSH console are among them (JMX too, on ports Pax Exam chooses)
        int http = Integer.getInteger("gongzhi.test.http.port");
        int ssh = Integer.getInteger("gongzhi.test.ssh.port");
        assertTrue("listening: " + listeners + ", expected at least http " + http + " and ssh " + ssh,
                ports.containsAll(List.of(http, ssh)));

        List<Listener> exposed = listeners.stream().filter(l -> !l.address().isLoopbackAddress()).toList();
        assertEquals("sockets of Karaf listening beyond this machine (all: " + listeners + ")", List.of(), exposed);
        // Karaf's shutdown port is off (karaf.shutdown.port = -1): no port file
        assertEquals("-1", bundleContext.getProperty("karaf.shutdown.port"));
        assertTrue("no shutdown port file", !Files.exists(Path.of(System.getProperty("karaf.data"), "port")));
        System.out.println("[listening] Karaf listens on " + listeners + " (besides Pax Exam's own remote port " + harness + ")");
    }

    /**
     * The port of the test harness inside the container: Pax Exam exports its remote bundle context over RMI on an
     * anonymous port of every interface. It is not part of the platform (a run has no Pax Exam), so it is left out;
     * its stub, looked up in the test JVM's registry, names the port.
     */
    private static int paxExamRemotePort() throws Exception {
        Registry registry = LocateRegistry.getRegistry(System.getProperty("org.ops4j.pax.exam.rbc.rmi.host"),
                Integer.getInteger("org.ops4j.pax.exam.rbc.rmi.port"));
        String stub = registry.lookup(System.getProperty("org.ops4j.pax.exam.rbc.rmi.name")).toString();
        Matcher endpoint = Pattern.compile("endpoint:\\[[^\\]]*:(\\d+)\\]").matcher(stub);
        assertTrue("Pax Exam's endpoint in " + stub, endpoint.find());
        return Integer.parseInt(endpoint.group(1));
    }

    /** The TCP sockets in state LISTEN that this process holds. */
    static List<Listener> listenersOfThisProcess() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // descriptors come and go while we read
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }

    /** /proc/net/tcp* print addresses as 32-bit words in host byte order (little-endian here). */
    static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        // IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) come back as Inet4Address
        return InetAddress.getByAddress(bytes);
    }
}
