package io.voxprint.store.sealed;

import io.voxprint.crypto.CryptoException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Wraps a record interface so that every refusal of the sealing layer reaches the audit log once:
 * one proxy instead of a hand-written wrapper per method of every record interface.
 */
final class Refusals {

    private Refusals() {
    }

    static <T> T audited(Class<T> type, T target, Consumer<CryptoException> audit) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof CryptoException refusal) {
                    audit.accept(refusal);
                }
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
