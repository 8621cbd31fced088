package org.gongjian.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for a test context: on the server named by {@code TEST_PG_URL} (CI starts
 * Debian's PostgreSQL), else on an embedded PostgreSQL (zonky) started once per test JVM.
 */
public final class TestPostgres {

    private static String adminUrl;
    private static String user;
    private static String password;

    private TestPostgres() {
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static synchronized Database newDatabase() {
        if (adminUrl == null) {
            start();
        }
        String name = "gj_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + adminUrl, e);
        }
        return new Database(adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name), user, password);
    }

    /** Points a Spring test context at a fresh PostgreSQL database; call from a @DynamicPropertySource. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        Database db = newDatabase();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    /** Connection details of one test database. */
    public record Database(String url, String user, String password) {
    }

    private static void start() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            adminUrl = url;
            user = envOr("TEST_PG_USER", "postgres");
            password = envOr("TEST_PG_PASSWORD", "");
            return;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            adminUrl = pg.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
