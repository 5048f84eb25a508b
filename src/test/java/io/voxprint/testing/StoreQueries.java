package io.voxprint.testing;

import io.voxprint.app.AppContext;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.ProtectedStore;
import io.voxprint.store.sqlite.SqliteStore;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the SQL a store runs, by putting a recording proxy between the store and its JDBC
 * connection (the store offers no such seam, on purpose: this is for tests that count queries).
 * Transaction control (BEGIN, COMMIT) is not recorded.
 */
public final class StoreQueries {
    private final List<String> sql = new CopyOnWriteArrayList<>();

    private StoreQueries() {
    }

    public static StoreQueries recordOn(AppContext app) throws ReflectiveOperationException {
        Field f = AppContext.class.getDeclaredField("store");
        f.setAccessible(true);
        return recordOn((VoiceprintStore) f.get(app));
    }

    public static StoreQueries recordOn(VoiceprintStore store) throws ReflectiveOperationException {
        if (store instanceof ProtectedStore) {
            Field engine = ProtectedStore.class.getDeclaredField("engine");
            engine.setAccessible(true);
            store = (VoiceprintStore) engine.get(store);
        }
        Field dbField = SqliteStore.class.getDeclaredField("db");
        dbField.setAccessible(true);
        Object db = dbField.get(store);
        Field f = db.getClass().getDeclaredField("connection");
        f.setAccessible(true);
        StoreQueries queries = new StoreQueries();
        f.set(db, queries.proxy((Connection) f.get(db)));
        return queries;
    }

    /** The statements run since recording began (or the last {@link #clear()}). */
    public List<String> statements() {
        return List.copyOf(sql);
    }

    public void clear() {
        sql.clear();
    }

    private Connection proxy(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        sql.add((String) args[0]);
                    }
                    Object result = invoke(method, real, args);
                    return result instanceof Statement s && method.getName().equals("createStatement") ? statement(s) : result;
                });
    }

    private Statement statement(Statement real) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String q
                            && !q.startsWith("BEGIN") && !q.equals("COMMIT") && !q.equals("ROLLBACK")) {
                        sql.add(q);
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
