package org.gongzhi.core.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.ws.rs.core.Response;

import org.junit.Test;

/**
 * A request that fails because the database went away (a restart, a failover: seen in issue 19's drill)
 * is answered 503 with {@code Retry-After}, not 500; any other SQL failure stays a 500.
 */
public class DatabaseUnavailableTest {

    private final ProblemMapper problems = new ProblemMapper();

    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("could not execute statement", new RuntimeException(cause));
    }

    @Test
    public void aCutConnectionOrAShutdownIsA503ThatMayBeRepeated() {
        for (SQLException e : new SQLException[] {new SQLException("An I/O error occurred", "08006"),
            new SQLException("terminating connection due to administrator command", "57P01"),
            new SQLException("the database system is starting up", "57P03"),
            new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")}) {
            Response r = problems.toResponse(wrapped(e));
            assertThat(r.getStatus()).as(e.getMessage()).isEqualTo(503);
            assertThat(r.getHeaderString("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    public void otherSqlFailuresStayOurFault() {
        assertThat(problems.toResponse(wrapped(new SQLException("syntax error", "42601"))).getStatus()).isEqualTo(500);
        assertThat(problems.toResponse(new IllegalStateException("no cause")).getStatus()).isEqualTo(500);
    }
}
