package io.github.logway.local.audit;

import java.net.http.HttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The clients {@code audit} reads destinations with, each built when first asked for and closed with the whole.
 * The command builds {@link SdkAuditClients}; tests hand in clients of their local servers.
 */
interface AuditClients extends AutoCloseable {

    S3Client s3();

    KinesisClient kinesis();

    HttpClient http();

    /** Closes the clients that were built. */
    @Override
    void close();
}
