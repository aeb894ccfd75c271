package org.gongzhi.core.scheduler.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Quartz's connections: a small pool of its own over the platform's data source. */
final class PooledConnections implements ConnectionProvider {

    private final HikariDataSource pool;

    PooledConnections(DataSource dataSource, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void initialize() {
        // the pool starts in the constructor
    }

    @Override
    public void shutdown() {
        pool.close();
    }
}
