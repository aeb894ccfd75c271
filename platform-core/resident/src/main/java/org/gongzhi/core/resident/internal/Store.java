package org.gongzhi.core.resident.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Plain JDBC on the platform's PostgreSQL: a small pool of its own over the platform's
 * {@link DataSource} service, and transactions. Every statement of this bundle names the district
 * ({@code tenant_id}) explicitly. A database failure is an {@link IllegalStateException} whose message
 * carries PostgreSQL's message only (no row values: the platform's data source is set not to report
 * error details).
 */
final class Store implements AutoCloseable {

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;

    Store(DataSource dataSource, int maxConnections) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setPoolName("gongzhi-resident");
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setInitializationFailTimeout(-1); // start even while the database is briefly away
        this.pool = new HikariDataSource(config);
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("居民数据读写失败 (resident data could not be read or written): "
                    + e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
