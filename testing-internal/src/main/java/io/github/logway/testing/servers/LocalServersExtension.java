package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServerStartException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests endpoints of real local servers by parameter injection (test methods, constructors,
 * lifecycle methods). Use it through {@link WithLocalServers}.
 *
 * <p>A server starts the first time any test of the JVM asks for its endpoint and is kept in the root
 * {@link ExtensionContext.Store}, so every later test class of the same failsafe JVM reuses it; JUnit stops
 * it when the whole run ends (and a shutdown hook does if the JVM exits first). This holds while failsafe
 * runs all classes of a fork in one JUnit launch, which is its default ({@code forkCount=1}).
 *
 * <p>Supported parameter types: {@link S3Endpoint} (s3proxy), {@link OpenSearchEndpoint} (OpenSearch),
 * {@link KinesisEndpoint} (kinesis-local), {@link KinesaliteEndpoint} (kinesalite), {@link SqsEndpoint}
 * (ElasticMQ).
 * A server that fails to start fails every test
 * asking for it, with the server's log tail, without being started again.
 */
public final class LocalServersExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalServersExtension.class);

    /** Every server type this extension can start. */
    private static final List<ServerType<?>> SERVER_TYPES = List.of(
            new S3ProxyServerType(), new OpenSearchServerType(),
            new KinesisLocalServerType(), new KinesaliteServerType(), new ElasticMqServerType());

    /** Called by JUnit. */
    public LocalServersExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return serverTypeFor(parameter.getParameter().getType()).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> wanted = parameter.getParameter().getType();
        ServerType<?> type =
                serverTypeFor(wanted)
                        .orElseThrow(() -> new ParameterResolutionException("no local server provides " + wanted));
        ServerSlot slot =
                context
                        .getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(type.name(), name -> startSlot(type), ServerSlot.class);
        if (slot instanceof ServerSlot.FailedToStart failed) {
            throw new ParameterResolutionException(
                    type.name() + " could not be started in this test JVM: " + failed.cause().getMessage(),
                    failed.cause());
        }
        return ((ServerSlot.Started) slot).running().endpoint();
    }

    private static ServerSlot startSlot(ServerType<?> type) {
        try {
            return new ServerSlot.Started(type.start());
        } catch (LocalServerStartException e) {
            return new ServerSlot.FailedToStart(e);
        }
    }

    private static Optional<ServerType<?>> serverTypeFor(Class<?> parameterType) {
        return SERVER_TYPES.stream().filter(type -> type.endpointType() == parameterType).findFirst();
    }
}
