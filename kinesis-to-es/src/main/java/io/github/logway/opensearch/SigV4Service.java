package io.github.logway.opensearch;

import java.util.Locale;

/** {@code ES_SIGV4_SERVICE}: the signing name of the target. */
public enum SigV4Service {
    /** Amazon OpenSearch Service managed domains (and Amazon Elasticsearch Service). */
    ES,
    /** Amazon OpenSearch Serverless collections. */
    AOSS;

    /** The signing name in the credential scope: {@code es} or {@code aoss}. */
    public String signingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
