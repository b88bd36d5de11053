/**
 * The local stack: the servers of module local-servers started together ({@link
 * io.github.logway.local.stack.LocalStack}), their endpoints and SDK settings, the state file that lets {@code
 * stack status} and {@code stack down} find a detached stack, and clients that create streams, buckets and queues.
 */
package io.github.logway.local.stack;
