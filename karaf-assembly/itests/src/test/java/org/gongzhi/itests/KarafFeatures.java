package org.gongzhi.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.ops4j.pax.exam.Option;

/**
 * Installs and uninstalls Karaf features of a platform booted in server mode ({@link BootedPlatform}),
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

    /** Calls {@code operation(name, noRefresh=true)} of the FeaturesMBean, as PluginHotDeployTest does in-container. */
    private void invoke(String operation, String feature) throws Exception {
        Properties management = load("org.apache.karaf.management.cfg");
        String name = load("system.properties").getProperty("karaf.name", "root").strip();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.getProperty("rmiServerPort").strip()
                + "/jndi/rmi://127.0.0.1:" + management.getProperty("rmiRegistryPort").strip() + "/karaf-" + name);
        try (JMXConnector connector = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] {USER, PASSWORD}))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            server.invoke(new ObjectName("org.apache.karaf:type=feature,name=" + name), operation,
                    new Object[] {feature, true}, new String[] {String.class.getName(), boolean.class.getName()});
        }
    }

    private Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(etc.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
