/**
 * Lambda inputs for tests: Kinesis events built from payloads or NDJSON exactly as Lambda delivers them,
 * and a Lambda {@link com.amazonaws.services.lambda.runtime.Context} driven by an injected clock.
 */
package io.github.logway.testing.events;
