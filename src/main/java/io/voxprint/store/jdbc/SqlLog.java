package io.voxprint.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SQL statement a store's connection runs, logged at TRACE on the logger {@value #LOGGER}: for
 * finding out which queries a slow action makes. Switched on when the connection is opened; when the
 * logger is off the connection is used as it is, with no cost per statement.
 */
public final class SqlLog {
    public static final String LOGGER = "io.voxprint.store.sql";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SqlLog() {
    }

    /** {@code connection}, logging what it runs if the logger is on now. */
    public static Connection wrap(Connection connection) {
        if (!LOG.isTraceEnabled()) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        LOG.trace("{}", args[0]);
                    }
                    Object result = invoke(method, connection, args);
                    return result instanceof Statement s && method.getName().equals("createStatement") ? statement(s) : result;
                });
    }

    private static Statement statement(Statement real) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        LOG.trace("{}", sql);
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
