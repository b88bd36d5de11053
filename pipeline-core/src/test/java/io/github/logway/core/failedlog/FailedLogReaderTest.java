package io.github.logway.core.failedlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.core.FatalException;
import io.github.logway.core.store.InMemoryObjectStore;
import io.github.logway.schema.EventRef;
import io.github.logway.schema.RecordSource;
import io.github.logway.schema.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FailedLogReaderTest {

    private static final RecordSource SOURCE = new RecordSource(
            "arn:aws:kinesis:ap-northeast-1:123456789012:stream/s", "shardId-000000000003", "4959001", "pk",
            1_795_000_000_123L);

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final FailedLogWriter writer = new FailedLogWriter(store, "b", "failed", "kinesis-forward",
            ZoneOffset.UTC);

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void read_whatTheWriterWrote_givesBackTheSameEntries() {
        List<FailedLogEntry> entries = List.of(
                new FailedLogEntry(RejectReason.NOT_JSON, "unexpected character", "not json\n\"x\"".getBytes(
                        StandardCharsets.UTF_8), new KinesisEventSource(new EventRef(SOURCE, 1, 7))),
                new FailedLogEntry(RejectReason.NOT_JSON, "", new byte[] {(byte) 0xff, 0, (byte) 0x80},
                        new KinesisEventSource(EventRef.of(SOURCE))),
                new FailedLogEntry(RejectReason.NOT_JSON, "elb", "a b c".getBytes(StandardCharsets.UTF_8),
                        new S3LineSource("logs", "AWSLogs/x y.log", 9, 1_795_000_000_000L)));

        FailedLogWriter.Result result = writer.write(entries);
        List<FailedLogEnvelope> envelopes = FailedLogReader.read(
                store.get("b", result.groups().get(0).key()).orElseThrow().body());

        assertThat(envelopes).extracting(FailedLogEnvelope::toEntry).containsExactlyElementsOf(entries);
        assertThat(envelopes).extracting(FailedLogEnvelope::function).containsOnly("kinesis-forward");
    }

    @Test
    void read_ignoresUnknownFields() throws Exception {
        byte[] body = gzip("{\"reason\":\"not_json\",\"future\":{\"x\":[1,2]},\"detail\":\"d\",\"function\":\"f\","
                + "\"source\":{\"shard\":\"s\",\"sequence\":\"1\",\"new\":true},\"data\":\"x\"}\n");

        List<FailedLogEnvelope> envelopes = FailedLogReader.read(body);

        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope.reason()).isEqualTo(RejectReason.NOT_JSON);
            assertThat(envelope.dataText()).isEqualTo("x");
            assertThat(envelope.source()).isInstanceOf(KinesisEventSource.class);
        });
    }

    @Test
    void read_emptyObject_givesNoEnvelopes() throws Exception {
        assertThat(FailedLogReader.read(gzip(""))).isEmpty();
    }

    @Test
    void read_notGzip_throwsFatal() {
        assertThatThrownBy(() -> FailedLogReader.read("plain".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FatalException.class).hasMessageContaining("corrupt");
    }

    @Test
    void read_unknownReason_throwsFatalNamingIt() throws Exception {
        byte[] body = gzip("{\"reason\":\"bogus\",\"source\":{\"shard\":\"s\",\"sequence\":\"1\"},\"data\":\"x\"}");

        assertThatThrownBy(() -> FailedLogReader.read(body)).isInstanceOf(FatalException.class)
                .hasMessageContaining("'bogus'").hasMessageContaining("envelope 1");
    }

    @Test
    void read_missingData_throwsFatal() throws Exception {
        byte[] body = gzip("{\"reason\":\"not_json\",\"source\":{\"shard\":\"s\",\"sequence\":\"1\"}}");

        assertThatThrownBy(() -> FailedLogReader.read(body)).isInstanceOf(FatalException.class)
                .hasMessageContaining("missing data");
    }

    @Test
    void read_sourceOfNeitherKind_throwsFatal() throws Exception {
        byte[] body = gzip("{\"reason\":\"not_json\",\"source\":{\"stream\":\"s\"},\"data\":\"x\"}");

        assertThatThrownBy(() -> FailedLogReader.read(body)).isInstanceOf(FatalException.class)
                .hasMessageContaining("neither");
    }

    @Test
    void read_nonObjectLine_throwsFatal() throws Exception {
        assertThatThrownBy(() -> FailedLogReader.read(gzip("[1]\n"))).isInstanceOf(FatalException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void read_badBase64_throwsFatal() throws Exception {
        byte[] body = gzip("{\"reason\":\"not_utf8\",\"source\":{\"shard\":\"s\",\"sequence\":\"1\"},"
                + "\"data_base64\":\"***\"}");

        assertThatThrownBy(() -> FailedLogReader.read(body)).isInstanceOf(FatalException.class);
    }
}
