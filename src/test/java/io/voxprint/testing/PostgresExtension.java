package io.voxprint.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link PostgresCluster} as a parameter ({@code @ExtendWith(PostgresExtension.class)}
 * and a {@code PostgresCluster} argument); the cluster is stopped when the whole test run ends.
 */
public final class PostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The run's cluster, registered with the root context so that it stops at the end of the run. */
    public static PostgresCluster cluster(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ClusterStopper.class, k -> new ClusterStopper(), ClusterStopper.class);
        return PostgresCluster.shared();
    }

    private static final class ClusterStopper implements AutoCloseable {
        @Override
        public void close() {
            PostgresCluster.stopShared();
        }
    }
}
