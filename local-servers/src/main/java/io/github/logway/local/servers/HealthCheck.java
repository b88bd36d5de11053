package io.github.logway.local.servers;

/**
 * Tells whether a freshly started server answers on its port. Called repeatedly until it returns {@code
 * true} or the start timeout passes, so one call must be quick and must not throw for "not yet".
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * Probes the server once.
     *
     * @param port the 127.0.0.1 port the server was told to listen on
     * @return {@code true} when the server is ready for tests
     * @throws InterruptedException when the probing thread is interrupted
     */
    boolean isHealthy(int port) throws InterruptedException;
}
