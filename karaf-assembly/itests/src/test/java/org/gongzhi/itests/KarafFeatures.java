package org.gongzhi.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.NoSuchObjectException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.awaitility.Awaitility;
import org.ops4j.pax.exam.Option;

/**
 * Installs and uninstalls Karaf features (and reads the bundles' states) of a platform booted in server mode ({@link BootedPlatform}),
 * from the test JVM, over the container's own JMX connector (loopback RMI, realm {@code karaf}) with an
 * operator account that only the test's container has ({@link #operatorAccount()}).
 */
final class KarafFeatures {

    private static final String USER = "itest-operator";
    private static final String PASSWORD = UUID.randomUUID().toString();

    private final Path etc;

    KarafFeatures(Path etc) {
        this.etc = etc;
    }

    /** The boot option that gives the test's container an operator who may manage features over JMX. */
    static Option operatorAccount() {
        return editConfigurationFilePut("etc/users.properties", USER, PASSWORD + ",admin,manager,viewer,systembundles");
    }

    void uninstall(String feature) throws Exception {
        invoke("uninstallFeature", feature);
    }

    void install(String feature) throws Exception {
        invoke("installFeature", feature);
    }

    /** The state of each bundle by symbolic name ({@code Active}, {@code Resolved}, …), from Karaf's BundlesMBean. */
    Map<String, String> bundleStates() throws Exception {
        String name = karafName();
        try (JMXConnector connector = connect()) {
            TabularData bundles = (TabularData) connector.getMBeanServerConnection()
                    .getAttribute(new ObjectName("org.apache.karaf:type=bundle,name=" + name), "Bundles");
            Map<String, String> states = new TreeMap<>();
            for (Object row : bundles.values()) {
                CompositeData bundle = (CompositeData) row;
                states.put((String) bundle.get("Symbolic Name"), (String) bundle.get("State"));
            }
            return states;
        }
    }

    /** Calls {@code operation(name, noRefresh=true)} of the FeaturesMBean, as PluginHotDeployTest does in-container. */
    private void invoke(String operation, String feature) throws Exception {
        String name = karafName();
        try (JMXConnector connector = connect()) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            server.invoke(new ObjectName("org.apache.karaf:type=feature,name=" + name), operation,
                    new Object[] {feature, true}, new String[] {String.class.getName(), boolean.class.getName()});
        }
    }

    private String karafName() throws IOException {
        return load("system.properties").getProperty("karaf.name", "root").strip();
    }

    /**
     * Connects to the container's JMX connector. Right after the boot the connection has now and then been
     * refused with {@code NoSuchObjectException: no such object in table} (once in NotificationDeliveryTest, once
     * in ConsoleBrowserTest; both passed when run again). The cause is not established — possibly the registry
     * still naming a connector server Karaf replaced when its configuration arrived — so this tries again for up
     * to 30 s before giving up.
     */
    private JMXConnector connect() throws IOException {
        Properties management = load("org.apache.karaf.management.cfg");
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.getProperty("rmiServerPort").strip()
                + "/jndi/rmi://127.0.0.1:" + management.getProperty("rmiRegistryPort").strip() + "/karaf-" + karafName());
        return Awaitility.await("JMX of karaf-" + karafName()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).ignoreException(NoSuchObjectException.class)
                .until(() -> JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                        new String[] {USER, PASSWORD})), connector -> true);
    }

    private Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(etc.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
