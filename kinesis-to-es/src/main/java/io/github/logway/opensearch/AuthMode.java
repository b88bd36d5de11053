package io.github.logway.opensearch;

/** {@code ES_AUTH}: how requests to OpenSearch are authenticated. */
public enum AuthMode {
    /** AWS Signature Version 4 with the function's role (the default credentials chain). */
    SIGV4,
    /** HTTP basic authentication (fine-grained access control's internal user database, self-hosted). */
    BASIC,
    /** No authentication (a local node, a VPC-only cluster without security). */
    NONE
}
