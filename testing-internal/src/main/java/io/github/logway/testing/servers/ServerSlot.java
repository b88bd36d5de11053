package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServerStartException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the root {@link ExtensionContext.Store} holds for one server type for the rest of the JVM: the
 * running server, or the reason it could not start (so later test classes fail at once instead of waiting
 * for another start timeout). JUnit closes it when the whole test run ends: since JUnit 5.13 the store
 * closes {@link AutoCloseable} values, and {@code ExtensionContext.Store.CloseableResource} is deprecated.
 */
sealed interface ServerSlot extends AutoCloseable {

    /** Stops what runs; never throws. */
    @Override
    void close();

    /**
     * The server started; closing stops it.
     *
     * @param running the server and its endpoint
     */
    record Started(RunningServer<?> running) implements ServerSlot {
        @Override
        public void close() {
            running.server().stop();
        }
    }

    /**
     * The server could not be started.
     *
     * @param cause why, with the server's log tail
     */
    record FailedToStart(LocalServerStartException cause) implements ServerSlot {
        @Override
        public void close() {
            // nothing runs
        }
    }
}
