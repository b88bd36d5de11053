/**
 * {@code ./logway demo}: the demo pipeline ({@link io.github.logway.local.demo.DemoPipeline}), its sample traffic,
 * and the final table that reads every destination back and checks it against what was sent.
 */
package io.github.logway.local.demo;
