package io.github.logway.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.logway.core.retry.Sleeper;
import io.github.logway.local.StreamScan;
import io.github.logway.local.stack.StackClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Counts what actually arrived at each destination of the demo, by reading the destinations themselves (not
 * the functions' own metrics): lines of the S3 objects, documents of the OpenSearch indices, records of a
 * stream, failed-log envelopes by reason.
 */
final class DestinationCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackClients clients;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DestinationCounts(StackClients clients) {
        this.clients = clients;
    }

    /**
     * Objects and newline-terminated lines under a prefix, by the key segment after the prefix (the log type in
     * kinesis-to-s3's keys, the reason in failed-log keys). Objects are gzip.
     *
     * @param bucket the bucket
     * @param prefix the prefix, without a trailing slash
     * @return segment to {objects, lines}
     */
    Map<String, long[]> gzipLinesBySegment(String bucket, String prefix) {
        Map<String, long[]> bySegment = new TreeMap<>();
        for (S3Object object : clients.s3().listObjectsV2Paginator(request -> request.bucket(bucket)
                .prefix(prefix + "/")).contents()) {
            String rest = object.key().substring(prefix.length() + 1);
            String segment = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            long[] counts = bySegment.computeIfAbsent(segment, key -> new long[2]);
            counts[0]++;
            counts[1] += gzipLines(bucket, object.key());
        }
        return bySegment;
    }

    private long gzipLines(String bucket, String key) {
        try (ResponseInputStream<GetObjectResponse> body = clients.s3().getObject(request -> request.bucket(bucket)
                .key(key));
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(body),
                     StandardCharsets.UTF_8))) {
            return reader.lines().count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    /**
     * Objects in a bucket.
     *
     * @param bucket the bucket
     * @return how many
     */
    long objects(String bucket) {
        return clients.s3().listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream().count();
    }

    /**
     * Documents per index of an index pattern, after a refresh.
     *
     * @param openSearch the cluster
     * @param pattern such as {@code logway-demo-*}
     * @return index to document count
     */
    Map<String, Long> documentsByIndex(URI openSearch, String pattern) {
        send(HttpRequest.newBuilder(openSearch.resolve("/" + pattern + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode indices;
        try {
            indices = JSON.readTree(send(HttpRequest.newBuilder(
                    openSearch.resolve("/_cat/indices/" + pattern + "?format=json&h=index,docs.count")).GET()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable _cat/indices answer", e);
        }
        Map<String, Long> byIndex = new TreeMap<>();
        for (JsonNode index : indices) {
            byIndex.put(index.path("index").asText(), index.path("docs.count").asLong());
        }
        return byIndex;
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("OpenSearch answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Records in a stream, every shard read from its oldest record to its end.
     *
     * @param stream the stream
     * @return how many
     */
    long streamRecords(String stream) {
        long[] count = {0};
        StreamScan.readAll(clients.kinesis(), stream, Sleeper.SYSTEM, (shardId, record) -> count[0]++);
        return count[0];
    }
}
