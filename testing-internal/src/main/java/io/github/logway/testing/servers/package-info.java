/**
 * Real local servers for integration tests, started as separate processes on free 127.0.0.1 ports.
 *
 * <p>Integration tests ({@code *IT}, run by failsafe) annotate their class with {@link
 * io.github.logway.testing.servers.WithLocalServers} and declare an endpoint parameter such as {@link
 * io.github.logway.testing.servers.S3Endpoint}; {@link io.github.logway.testing.servers.LocalServersExtension}
 * starts the matching server the first time a test asks for it and shares it with every later test class of
 * the same JVM. The processes themselves are module local-servers' ({@code io.github.logway.local.servers}).
 */
package io.github.logway.testing.servers;
