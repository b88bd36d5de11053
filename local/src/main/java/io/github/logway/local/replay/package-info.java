/**
 * {@code ./logway replay} (PRODUCT.md §3 "Replay"): puts records back into a Kinesis stream from failed-log
 * objects, S3 on-failure objects and SQS on-failure messages, idempotent per source object, with pipeline-core's
 * PutRecords batcher.
 */
package io.github.logway.local.replay;
