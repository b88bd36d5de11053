/**
 * {@code ./logway bench}: the four real handlers in-process on Lambda event files, with no-op sinks, timed; and
 * {@code ./logway bench gen}, which writes such event files (PRODUCT.md §10).
 */
package io.github.logway.local.bench;
