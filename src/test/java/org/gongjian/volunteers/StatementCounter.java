package org.gongjian.volunteers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts, for the check-in benchmark, what the application asks of the database: connections taken from the pool,
 * statements prepared or created (each one a round trip when executed), commits and rollbacks. It wraps the
 * application's data source; the counts cover every thread, background work included.
 */
final class StatementCounter {

    /** What was counted since the last reset. */
    record Counts(long connections, long statements, long commits, long rollbacks) {
    }

    private static final LongAdder CONNECTIONS = new LongAdder();
    private static final LongAdder STATEMENTS = new LongAdder();
    private static final LongAdder COMMITS = new LongAdder();
    private static final LongAdder ROLLBACKS = new LongAdder();

    private StatementCounter() {
    }

    /** Wraps the application's data source (an application context initializer). */
    static void register(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && "dataSource".equals(name) ? new Counting(ds) : bean;
            }
        });
    }

    static void reset() {
        CONNECTIONS.reset();
        STATEMENTS.reset();
        COMMITS.reset();
        ROLLBACKS.reset();
    }

    static Counts snapshot() {
        return new Counts(CONNECTIONS.sum(), STATEMENTS.sum(), COMMITS.sum(), ROLLBACKS.sum());
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection c) {
            CONNECTIONS.increment();
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "prepareStatement", "prepareCall", "createStatement" -> STATEMENTS.increment();
                            case "commit" -> COMMITS.increment();
                            case "rollback" -> ROLLBACKS.increment();
                            default -> {
                                // not counted
                            }
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
