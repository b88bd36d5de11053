/** {@code ./logway run --config FILE}: a user's own pipeline under the local event-source-mapping runner. */
package io.github.logway.local.run;
