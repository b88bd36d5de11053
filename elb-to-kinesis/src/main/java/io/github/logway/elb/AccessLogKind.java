package io.github.logway.elb;

/**
 * The two access-log formats, told apart by a line's first byte: ALB lines start with the request type
 * ({@code http}, {@code https}, {@code h2}, {@code grpcs}, {@code ws}, {@code wss}), Classic ELB lines with their
 * timestamp.
 */
public enum AccessLogKind {
    /** Application Load Balancer: {@code .log.gz} objects, {@code log_type} from {@code ALB_LOG_TYPE}. */
    ALB,
    /** Classic Load Balancer: {@code .log} objects, {@code log_type} from {@code ELB_LOG_TYPE}. */
    CLASSIC;

    /** The kind of a non-empty line. */
    public static AccessLogKind of(byte[] line, int offset, int length) {
        if (length > 0 && line[offset] >= '0' && line[offset] <= '9') {
            return CLASSIC;
        }
        return ALB;
    }
}
