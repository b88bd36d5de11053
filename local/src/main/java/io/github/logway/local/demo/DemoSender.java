package io.github.logway.local.demo;

import io.github.logway.local.demo.DemoTraffic.RouterRecord;
import io.github.logway.local.esm.S3ObjectUploader;
import io.github.logway.local.servers.LocalCredentials;
import io.github.logway.local.stack.StackClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** Sends the demo's traffic the way producers would: PutRecords to the router, the ALB log into S3. */
final class DemoSender {

    /** PutRecords takes at most 500 entries (Kinesis limit); the demo's records are far below 5 MiB per call. */
    private static final int MAX_PUT_RECORDS_ENTRIES = 500;
    private static final int MAX_ATTEMPTS = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    private final StackClients clients;

    DemoSender(StackClients clients) {
        this.clients = clients;
    }

    void send(DemoTraffic traffic) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (RouterRecord record : traffic.records()) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(record.partitionKey())
                    .data(SdkBytes.fromByteArray(record.data())).build());
        }
        for (int from = 0; from < entries.size(); from += MAX_PUT_RECORDS_ENTRIES) {
            putAll(entries.subList(from, Math.min(entries.size(), from + MAX_PUT_RECORDS_ENTRIES)));
        }
        String queueUrl = clients.sqs().getQueueUrl(request -> request.queueName(DemoPipeline.ALB_QUEUE)).queueUrl();
        new S3ObjectUploader(clients.s3(), clients.sqs(), queueUrl, LocalCredentials.REGION, Clock.systemUTC(),
                new SplittableRandom()).put(DemoPipeline.ALB_BUCKET, albKey(traffic.time()), traffic.albLog());
    }

    /** Puts entries, retrying only the ones refused, as a careful producer does. */
    private void putAll(List<PutRecordsRequestEntry> entries) {
        List<PutRecordsRequestEntry> pending = entries;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<PutRecordsRequestEntry> batch = pending;
            PutRecordsResponse response = clients.kinesis().putRecords(request -> request
                    .streamName(DemoPipeline.ROUTER).records(batch));
            List<PutRecordsRequestEntry> refused = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() != null) {
                    refused.add(batch.get(i));
                }
            }
            if (!refused.isEmpty() && attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException(refused.size() + " records were refused by "
                        + DemoPipeline.ROUTER + " " + MAX_ATTEMPTS + " times");
            }
            pending = refused;
        }
    }

    /** The key ALB itself would write for a log delivered at {@code time}. */
    static String albKey(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return "AWSLogs/" + LocalCredentials.ACCOUNT_ID + "/elasticloadbalancing/" + LocalCredentials.REGION + "/"
                + DAY.format(utc) + "/" + LocalCredentials.ACCOUNT_ID + "_elasticloadbalancing_"
                + LocalCredentials.REGION + "_app.logway-demo.5f2b8a1c3d4e4f60_" + STAMP.format(utc)
                + "_10.0.1.23_2d9k1x7q.log.gz";
    }
}
