package org.gongzhi.devdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.util.PasswordUtil;

/**
 * The role the platform connects as: a login role that is not superuser and cannot create roles or databases, with
 * a password, owning the platform database and everything in it.
 *
 * <p>{@link #ensure} is idempotent and runs as superuser on every start. It also takes over what earlier versions
 * left behind: databases created by (and tables migrated as) the superuser {@code postgres} are handed to the role,
 * so that the platform's own migrations (which alter tables) keep working after the upgrade.
 */
final class PlatformRole {

    /** Schemas that belong to PostgreSQL itself; objects in them are never handed over. */
    private static final String USER_SCHEMAS =
            "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
    /** Not part of an extension (those follow the extension's owner). */
    private static final String NOT_IN_EXTENSION =
            "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = %s::regclass AND d.objid = %s AND d.deptype = 'e')";

    private final String role;
    private final String database;

    /** Both names are plain identifiers checked by the caller ({@link DevPostgres}). */
    PlatformRole(String role, String database) {
        this.role = role;
        this.database = database;
    }

    /**
     * Creates or corrects the role (login, password, no superuser, no CREATEROLE/CREATEDB/REPLICATION/BYPASSRLS),
     * creates the database owned by it or hands an existing one over, and hands over every object the superuser
     * owns in that database.
     *
     * @param clusterAdmin superuser connections to the maintenance database {@code postgres}
     * @param platformDb   superuser connections to the platform database
     * @return how many objects inside the platform database were handed over (0 once migrated)
     */
    int ensure(DataSource clusterAdmin, DataSource platformDb, String password) throws SQLException {
        // a SCRAM verifier, not the password itself: nothing readable reaches statement logs or pg_stat_activity
        String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
        String attributes = " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '"
                + verifier + "'";
        try (Connection c = clusterAdmin.getConnection(); Statement st = c.createStatement()) {
            boolean roleExists = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
            st.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + quote(role) + attributes);
            String owner = single(c, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", database);
            if (owner == null) {
                st.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(role));
            } else if (!owner.equals(role)) {
                st.execute("ALTER DATABASE " + quote(database) + " OWNER TO " + quote(role));
            }
            // only the owner (and the superuser) may connect; PostgreSQL grants CONNECT and TEMP to PUBLIC by default
            st.execute("REVOKE ALL ON DATABASE " + quote(database) + " FROM PUBLIC");
        }
        try (Connection c = platformDb.getConnection()) {
            return handOver(c);
        }
    }

    /** ALTER … OWNER TO role for everything in user schemas that another role owns, in dependency-safe order. */
    private int handOver(Connection c) throws SQLException {
        List<String> statements = new ArrayList<>();
        // schemas (public is owned by pg_database_owner since PostgreSQL 15, i.e. by the database owner: left alone)
        collect(c, statements, "SELECT 'ALTER SCHEMA ' || quote_ident(n.nspname) || ' OWNER TO ' FROM pg_namespace n"
                + " WHERE " + USER_SCHEMAS + " AND pg_get_userbyid(n.nspowner) NOT IN (?, 'pg_database_owner')"
                + " AND " + String.format(NOT_IN_EXTENSION, "'pg_namespace'", "n.oid"));
        // tables, views, materialized views, foreign tables: their indexes, TOAST tables and owned sequences follow
        collect(c, statements, "SELECT CASE r.relkind WHEN 'v' THEN 'ALTER VIEW ' WHEN 'm' THEN 'ALTER MATERIALIZED VIEW '"
                + " WHEN 'f' THEN 'ALTER FOREIGN TABLE ' WHEN 'c' THEN 'ALTER TYPE ' ELSE 'ALTER TABLE ' END"
                + " || r.oid::regclass::text || ' OWNER TO '"
                + " FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND " + USER_SCHEMAS
                + " AND pg_get_userbyid(r.relowner) <> ? AND " + String.format(NOT_IN_EXTENSION, "'pg_class'", "r.oid"));
        int handedOver = execute(c, statements);
        // sequences that no column owns (owned ones moved with their table above)
        collect(c, statements, "SELECT 'ALTER SEQUENCE ' || r.oid::regclass::text || ' OWNER TO '"
                + " FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE r.relkind = 'S' AND " + USER_SCHEMAS + " AND pg_get_userbyid(r.relowner) <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid"
                + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i', 'e'))");
        // functions and procedures
        collect(c, statements, "SELECT 'ALTER ROUTINE ' || p.oid::regprocedure::text || ' OWNER TO '"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE " + USER_SCHEMAS + " AND pg_get_userbyid(p.proowner) <> ? AND "
                + String.format(NOT_IN_EXTENSION, "'pg_proc'", "p.oid"));
        // enums, domains, ranges (array, multirange and table row types follow their base)
        collect(c, statements, "SELECT CASE t.typtype WHEN 'd' THEN 'ALTER DOMAIN ' ELSE 'ALTER TYPE ' END"
                + " || t.oid::regtype::text || ' OWNER TO '"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE t.typtype IN ('e', 'd', 'r') AND " + USER_SCHEMAS + " AND pg_get_userbyid(t.typowner) <> ?"
                + " AND " + String.format(NOT_IN_EXTENSION, "'pg_type'", "t.oid"));
        return handedOver + execute(c, statements);
    }

    private void collect(Connection c, List<String> into, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getString(1) + quote(role));
                }
            }
        }
    }

    /** Runs and clears the statements; returns how many there were. */
    private static int execute(Connection c, List<String> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        int count = statements.size();
        statements.clear();
        return count;
    }

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        return single(c, sql, parameter) != null;
    }

    private static String single(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Quotes a plain identifier (the constructor's callers only pass {@code [A-Za-z_][A-Za-z0-9_]*}). */
    static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
