/**
 * A local pipeline: its description ({@link io.github.logway.local.pipeline.PipelineSpec}, from YAML by
 * {@link io.github.logway.local.pipeline.PipelineConfig}) and {@link io.github.logway.local.pipeline.PipelineRunner},
 * which creates the resources on the local stack and runs the real handlers under the event-source mappings.
 */
package io.github.logway.local.pipeline;
