package org.minga.fiscal.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * The tables a job fills before attaching them as a partition (a cadastre's parcels, a
 * liquidation's results): made fresh in the parent's shape, dropped when the job fails.
 */
final class Partitions {

    private Partitions() {
    }

    /** A new empty table shaped like {@code parent}, replacing any left by an earlier attempt. */
    static void create(Connection con, String table, String parent) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("drop table if exists " + table);
            st.execute("create table " + table + " (like " + parent + ")");
        }
    }

    /** Drops a table a failed job left, on a connection of its own. */
    static void drop(DataSource dataSource, String table) throws SQLException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
            st.execute("drop table if exists " + table);
        }
    }
}
