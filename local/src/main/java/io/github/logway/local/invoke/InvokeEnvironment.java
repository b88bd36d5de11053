package io.github.logway.local.invoke;

import io.github.logway.core.config.CommonConfig;
import io.github.logway.elb.ElbToKinesisConfig;
import io.github.logway.forward.KinesisForwardConfig;
import io.github.logway.local.LogwayFunction;
import io.github.logway.local.stack.StackService;
import io.github.logway.opensearch.KinesisToOpenSearchConfig;
import io.github.logway.s3.KinesisToS3Config;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables of one {@code invoke}: the handler's environment (local defaults, then the process environment,
 * then the local stack's endpoints and credentials when invoke uses the stack, then {@code --env}), which
 * endpoint each service has, and which of them are local.
 */
final class InvokeEnvironment {

    static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    static final String AWS_ENDPOINT_URL_KINESIS = "AWS_ENDPOINT_URL_KINESIS";
    static final String AWS_ENDPOINT_URL_S3 = "AWS_ENDPOINT_URL_S3";
    static final String AWS_ENDPOINT_URL_SQS = "AWS_ENDPOINT_URL_SQS";

    /** Variables that point invoke somewhere other than the local stack. */
    static final List<String> ENDPOINT_VARIABLES = List.of(AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS,
            AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_SQS, KinesisToOpenSearchConfig.ES_HOST);

    /** Default {@code LOG_S3_BUCKET} of to-s3. */
    static final String LOG_BUCKET = "logway-logs";
    /** Default {@code FAILED_LOG_S3_BUCKET} of to-es, forward and elb. */
    static final String FAILED_BUCKET = "logway-failed";
    /** Default {@code TARGET_STREAM_NAME} of forward. */
    static final String FORWARD_TARGET_STREAM = "logway-forwarded";
    /** Default {@code TARGET_STREAM_NAME} of elb: the router stream. */
    static final String ELB_TARGET_STREAM = "logway-router";
    /** Default {@code INDEX_NAME_PREFIX} of to-es. */
    static final String INDEX_PREFIX = "logway";

    private InvokeEnvironment() {}

    /** The variables invoke sets for {@code function} before anything else: placeholders for required ones. */
    static Map<String, String> defaults(LogwayFunction function) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (function) {
            case TO_S3 -> env.put(KinesisToS3Config.LOG_S3_BUCKET, LOG_BUCKET);
            case TO_ES -> {
                env.put(KinesisToOpenSearchConfig.INDEX_NAME_PREFIX, INDEX_PREFIX);
                env.put(CommonConfig.FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
            }
            case FORWARD -> {
                env.put(KinesisForwardConfig.TARGET_STREAM_NAME, FORWARD_TARGET_STREAM);
                env.put(CommonConfig.FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
            }
            case ELB -> {
                env.put(ElbToKinesisConfig.TARGET_STREAM_NAME, ELB_TARGET_STREAM);
                env.put(CommonConfig.FAILED_LOG_S3_BUCKET, FAILED_BUCKET);
            }
            default -> throw new IllegalArgumentException("unknown function " + function);
        }
        return env;
    }

    /** The local services {@code function} talks to. */
    static Set<StackService> servicesOf(LogwayFunction function) {
        return switch (function) {
            case TO_S3 -> EnumSet.of(StackService.S3);
            case TO_ES -> EnumSet.of(StackService.OPENSEARCH, StackService.S3);
            case FORWARD -> EnumSet.of(StackService.KINESIS, StackService.S3);
            case ELB -> EnumSet.of(StackService.KINESIS, StackService.S3, StackService.SQS);
        };
    }

    /** Whether {@code variables} name an endpoint of their own (then invoke leaves the local stack alone). */
    static boolean configuresEndpoints(Map<String, String> variables) {
        return ENDPOINT_VARIABLES.stream().anyMatch(name -> !variables.getOrDefault(name, "").isBlank());
    }

    /**
     * The handler's environment: {@link #defaults}, then {@code processEnv}, then {@code stackVariables} (the
     * local stack's endpoints, region and credentials, which must beat the user's real AWS credentials), then
     * {@code userEnv} ({@code --env}). Then, unless set: {@code S3_FORCE_PATH_STYLE=true} for to-s3 when S3 has
     * an endpoint of its own (local S3 servers want path-style requests), and {@code ES_AUTH=none} for to-es when
     * {@code ES_HOST} is on this machine (the local OpenSearch has no security plugin).
     */
    static Map<String, String> merge(LogwayFunction function, Map<String, String> processEnv,
            Map<String, String> stackVariables, Map<String, String> userEnv) {
        Map<String, String> env = new LinkedHashMap<>(defaults(function));
        env.putAll(processEnv);
        env.putAll(stackVariables);
        env.putAll(userEnv);
        if (function == LogwayFunction.TO_S3 && endpoint(env, StackService.S3).isPresent()) {
            env.putIfAbsent(KinesisToS3Config.S3_FORCE_PATH_STYLE, "true");
        }
        if (function == LogwayFunction.TO_ES && endpoint(env, StackService.OPENSEARCH).filter(
                InvokeEnvironment::isLoopback).isPresent()) {
            env.putIfAbsent(KinesisToOpenSearchConfig.ES_AUTH, "none");
        }
        return env;
    }

    /**
     * The endpoint a service's client uses under {@code env}: its own {@code AWS_ENDPOINT_URL_*}, else {@code
     * AWS_ENDPOINT_URL}; for OpenSearch {@code ES_HOST} (https when it has no scheme).
     *
     * @return the endpoint, empty when the SDK's default (real AWS) applies or it is not a valid URI
     */
    static Optional<URI> endpoint(Map<String, String> env, StackService service) {
        String value = switch (service) {
            case KINESIS -> first(env, AWS_ENDPOINT_URL_KINESIS, AWS_ENDPOINT_URL);
            case S3 -> first(env, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL);
            case SQS -> first(env, AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL);
            case OPENSEARCH -> {
                String host = env.getOrDefault(KinesisToOpenSearchConfig.ES_HOST, "").trim();
                yield host.isEmpty() || host.contains("://") ? host : "https://" + host;
            }
        };
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a URI's host is this machine (127.0.0.1, localhost, ::1): a local server invoke may set up. */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")
                || host.equals("[::1]") || host.equals("::1"));
    }

    private static String first(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, "").trim();
        return value.isEmpty() ? env.getOrDefault(fallback, "").trim() : value;
    }
}
