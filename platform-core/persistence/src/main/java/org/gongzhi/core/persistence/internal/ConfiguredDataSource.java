package org.gongzhi.core.persistence.internal;

import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform database when it is an existing PostgreSQL server: active only when
 * {@code etc/org.gongzhi.datasource.cfg} exists. Registers the data source the
 * {@link PersistenceRuntime} waits for.
 */
@Component(configurationPid = "org.gongzhi.datasource", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredDataSource.Config.class)
public final class ConfiguredDataSource {

    @ObjectClassDefinition(name = "Gongzhi database", description = "An existing PostgreSQL server for the platform")
    public @interface Config {
        @AttributeDefinition(description = "JDBC URL, e.g. jdbc:postgresql://db.example:5432/gongzhi")
        String url();

        @AttributeDefinition(description = "Database user")
        String user() default "gongzhi";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
        String password() default "";
    }

    private final ServiceRegistration<DataSource> registration;

    @Activate
    public ConfiguredDataSource(BundleContext context, Config config) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.url());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        ds.setApplicationName("gongzhi");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("gongzhi.datasource", "main");
        this.registration = context.registerService(DataSource.class, ds, props);
    }

    @Deactivate
    void close() {
        registration.unregister();
    }
}
