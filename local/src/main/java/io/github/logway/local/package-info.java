/**
 * What runs on a laptop, never in Lambda: the {@code ./logway} command line ({@link
 * io.github.logway.local.LogwayCli}) and, later, the local stack and the event-source-mapping runner.
 */
package io.github.logway.local;
