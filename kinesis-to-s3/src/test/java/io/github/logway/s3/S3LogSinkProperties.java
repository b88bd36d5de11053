package io.github.logway.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.logway.core.Deadline;
import io.github.logway.core.DeliveryOutcome;
import io.github.logway.core.config.EnvReader;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.LogRecord;
import io.github.logway.schema.RecordSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the sink over random batches: every line archived once, groups and size caps respected. */
class S3LogSinkProperties {

    /** A line to archive: its log type, time (epoch seconds) and padding length. */
    record Line(String logType, long epochSecond, int padding) {
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(
                Arbitraries.of("app", "web", "db"),
                Arbitraries.longs().between(1_768_435_200L, 1_768_435_200L + 3 * 86_400L),
                Arbitraries.integers().between(0, 400))
                .as(Line::new)
                .list().ofMinSize(1).ofMaxSize(60);
    }

    private static List<LogRecord> records(List<Line> lines) {
        List<LogRecord> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            byte[] text = ("{\"log_type\":\"" + line.logType() + "\",\"log_id\":\"id-" + i + "\",\"time\":"
                    + line.epochSecond() + ",\"pad\":\"" + "p".repeat(line.padding()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RecordSource source = new RecordSource("arn", "shardId-000000000000", Long.toString(1_000 + i), "pk", 0L);
            records.add(new LogRecord(text, 0, text.length, line.logType(), "id-" + i,
                    line.epochSecond() * 1_000_000_000L, EventRef.of(source)));
        }
        return records;
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 200)
    void deliver_archivesEveryLineExactlyOnceWithinCapsAndGroups(
            @ForAll("lines") List<Line> lines,
            @ForAll @IntRange(min = 200, max = 5_000) int maxObjectBytes,
            @ForAll boolean hive,
            @ForAll @IntRange(min = 1, max = 3) int concurrency) {
        Map<String, String> env = new HashMap<>();
        env.put("LOG_S3_BUCKET", "b-1");
        env.put("TIMEZONE", "Asia/Tokyo");
        env.put("S3_KEY_LAYOUT", hive ? "hive" : "baikonur");
        KinesisToS3Config read = KinesisToS3Config.read(new EnvReader(env));
        KinesisToS3Config config = new KinesisToS3Config(read.common(), read.bucket(), read.prefix(),
                read.unknownPrefix(), read.timezone(), read.keyLayout(), read.compression(), read.compressionLevel(),
                read.sseKmsKeyId(), read.storageClass(), maxObjectBytes, concurrency, false);
        InMemoryObjectStore store = new InMemoryObjectStore();
        ExecutorService pool = UploadPool.create(concurrency);
        S3LogSink sink = new S3LogSink(store, config, pool);
        List<LogRecord> records = records(lines);

        List<DeliveryOutcome> outcomes;
        try {
            outcomes = sink.deliver(records, Deadline.none(Clock.systemUTC()));
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }

        assertThat(outcomes).hasSize(records.size()).allMatch(DeliveryOutcome.Delivered.class::isInstance);
        List<String> archived = new ArrayList<>();
        for (InMemoryObjectStore.StoredObject object : store.objects()) {
            String text = gunzip(object.body());
            List<String> objectLines = text.lines().toList();
            assertThat(text).endsWith("\n");
            assertThat(text.getBytes(StandardCharsets.UTF_8).length <= maxObjectBytes || objectLines.size() == 1)
                    .as("object %s within the cap or a single line", object.key()).isTrue();
            assertThat(objectLines.stream().map(l -> l.substring(0, l.indexOf("\",\"log_id\""))).distinct())
                    .as("one log type per object").hasSize(1);
            archived.addAll(objectLines);
        }
        assertThat(archived).containsExactlyInAnyOrderElementsOf(records.stream().map(LogRecord::text).toList());
    }
}
