package io.github.logway.local.esm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 bucket as the on-failure destination of a Kinesis event source mapping: one object per discarded batch
 * holding the invocation record and, as {@code payload}, the whole event of the last invocation (its
 * {@code Records}), so {@code replay} can put the records back without the stream. The key is the one Lambda
 * documents (kinesis-on-failure-destination in the Lambda developer guide):
 * {@code aws/lambda/<ESM UUID>/<shard ID>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<random UUID>}, the time being the
 * moment the batch was discarded, in UTC.
 */
public final class S3OnFailureDestination implements OnFailureDestination {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final String mappingUuid;
    private final RandomGenerator random;

    /**
     * @param s3 a client for the bucket's endpoint
     * @param bucket the destination bucket
     * @param mappingUuid the event source mapping's UUID, the key's second level after {@code aws/lambda/}
     * @param random the source of each key's random UUID
     */
    public S3OnFailureDestination(S3Client s3, String bucket, String mappingUuid, RandomGenerator random) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.mappingUuid = Objects.requireNonNull(mappingUuid, "mappingUuid");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Puts the object; an SDK exception propagates, and the mapping retries the batch later. */
    @Override
    public void send(OnFailureRecord record) {
        String key = key(record);
        byte[] body = body(record);
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(body));
    }

    /** The object key of a record, with a fresh random UUID. */
    String key(OnFailureRecord record) {
        UUID uuid = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        return "aws/lambda/" + mappingUuid + "/" + record.shardId() + "/" + DAY.format(record.timestamp()) + "/"
                + TIME.format(record.timestamp()) + "-" + uuid;
    }

    /** The invocation record with {@code payload}: the event object itself, not a string holding it. */
    static byte[] body(OnFailureRecord record) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(record.toJson(false));
            json.set("payload", JSON.readTree(record.eventJson()));
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the invocation record and the event are JSON written by the runner", e);
        }
    }
}
