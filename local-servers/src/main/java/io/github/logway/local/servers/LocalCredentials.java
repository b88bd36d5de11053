package io.github.logway.local.servers;

/**
 * The fixed region, account and credentials of every local server. s3proxy checks signatures against these
 * keys; kinesis-local, kinesalite and ElasticMQ accept any key but build their ARNs from this region and
 * account, so stream and queue ARNs look like real ones ({@code arn:aws:kinesis:us-east-1:000000000000:stream/NAME}).
 */
public final class LocalCredentials {

    /** The region every local server claims and every client signs for. */
    public static final String REGION = "us-east-1";

    /** The account id in local ARNs (kinesis-local's and kinesalite's fixed default). */
    public static final String ACCOUNT_ID = "000000000000";

    /** The access key id s3proxy accepts; the other servers accept it too. */
    public static final String ACCESS_KEY_ID = "logway-local-access-key";

    /** The secret matching {@link #ACCESS_KEY_ID}. */
    public static final String SECRET_ACCESS_KEY = "logway-local-secret-key";

    private LocalCredentials() {}
}
