/** {@code ./logway invoke}: one real handler, once, on a Lambda event file, against the stack or given endpoints. */
package io.github.logway.local.invoke;
