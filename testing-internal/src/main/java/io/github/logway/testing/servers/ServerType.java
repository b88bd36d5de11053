package io.github.logway.testing.servers;

import io.github.logway.local.servers.LocalServerStartException;

/**
 * One kind of local server that {@link LocalServersExtension} can start, identified by the endpoint type
 * tests ask for. Adding a server (kinesis-local, OpenSearch, ElasticMQ) means one implementation of this,
 * its endpoint record, and one entry in the extension's list.
 *
 * @param <E> the endpoint record a test receives
 */
interface ServerType<E> {

    /** Short unique name, also the store key and the log file prefix, such as {@code "s3proxy"}. */
    String name();

    /** The parameter type that asks for this server. */
    Class<E> endpointType();

    /**
     * Starts the server and waits until it is healthy.
     *
     * @return the running server with the endpoint for tests
     * @throws LocalServerStartException when it cannot be started
     */
    RunningServer<E> start();
}
