/**
 * What runs on a laptop, never in Lambda: the {@code ./logway} command line ({@link
 * io.github.logway.local.LogwayCli}, one {@link io.github.logway.local.Command} per subcommand), with the local
 * stack ({@code .stack}), the event-source-mapping runner ({@code .esm}) and the pipeline runner that
 * {@code demo} and {@code run} share ({@code .pipeline}) behind it.
 */
package io.github.logway.local;
