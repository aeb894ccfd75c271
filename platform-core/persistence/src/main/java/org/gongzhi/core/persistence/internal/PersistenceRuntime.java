package org.gongzhi.core.persistence.internal;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Owns the {@link Database} for as long as the platform's data source is there. Other
 * components of this bundle reference it; it is not visible outside the bundle's packages.
 */
@Component(service = PersistenceRuntime.class, configurationPid = "org.gongzhi.persistence")
@Designate(ocd = PersistenceRuntime.Config.class)
public final class PersistenceRuntime {

    @ObjectClassDefinition(name = "Gongzhi persistence", description = "Connection pool of the platform database")
    public @interface Config {
        @AttributeDefinition(description = "Largest number of pooled connections")
        int maxPoolSize() default 16;
    }

    private final Database database;

    @Activate
    public PersistenceRuntime(@Reference(target = "(gongzhi.datasource=main)") DataSource dataSource, Config config) {
        this.database = new Database(dataSource, config.maxPoolSize());
    }

    Database database() {
        return database;
    }

    @Deactivate
    void close() {
        database.close();
    }
}
