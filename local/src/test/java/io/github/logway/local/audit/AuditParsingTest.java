package io.github.logway.local.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.S3Location;
import io.github.logway.local.UsageException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the sent file, the log id of a line, S3 locations and the command line of {@code audit}. */
class AuditParsingTest {

    private final LogIdReader logIds = new LogIdReader("log_id");

    @Test
    void read_whenTopLevelFieldIsAString_returnsIt() {
        assertThat(logIds.read("{\"log_type\":\"app\",\"nested\":{\"log_id\":\"inner\"},\"log_id\":\"outer\"}"))
                .contains("outer");
    }

    @Test
    void read_whenOnlyANestedObjectHasTheField_returnsEmpty() {
        assertThat(logIds.read("{\"nested\":{\"log_id\":\"inner\"},\"list\":[{\"log_id\":\"x\"}]}")).isEmpty();
    }

    @Test
    void read_whenFieldIsNotANonEmptyString_returnsEmpty() {
        assertThat(logIds.read("{\"log_id\":42}")).isEmpty();
        assertThat(logIds.read("{\"log_id\":\"\"}")).isEmpty();
        assertThat(logIds.read("{\"log_id\":null}")).isEmpty();
    }

    @Test
    void read_whenLineIsNotAJsonObject_returnsEmpty() {
        assertThat(logIds.read("not json")).isEmpty();
        assertThat(logIds.read("[\"log_id\"]")).isEmpty();
    }

    @Test
    void read_withConfiguredField_readsThatField() {
        assertThat(new LogIdReader("id").read("{\"log_id\":\"a\",\"id\":\"b\"}")).contains("b");
    }

    @Test
    void sentIds_keepsFirstSeenOrderAndCountsRepeatsAndLinesWithoutId() throws Exception {
        String file = """
                {"log_id":"b","time":1}

                {"log_id":"a"}
                not json
                {"log_id":"b"}
                {"other":"c"}
                """;

        SentIds sent = SentIds.read(new StringReader(file), logIds);

        assertThat(sent.ids()).containsExactly("b", "a");
        assertThat(sent.lines()).isEqualTo(5);
        assertThat(sent.repeatedIds()).isEqualTo(1);
        assertThat(sent.linesWithoutIdCount()).isEqualTo(2);
        assertThat(sent.linesWithoutId()).containsExactly(4L, 6L);
    }

    @Test
    void s3Location_withPrefix_splitsBucketAndPrefix() {
        assertThat(S3Location.parse("s3://logs/app/2026-11/")).isEqualTo(new S3Location("logs", "app/2026-11/"));
        assertThat(S3Location.parse("s3://logs")).isEqualTo(new S3Location("logs", ""));
        assertThat(S3Location.parse("s3://logs/app").toString()).isEqualTo("s3://logs/app");
    }

    @Test
    void s3Location_withoutScheme_isRefused() {
        assertThatThrownBy(() -> S3Location.parse("logs/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be s3://BUCKET or s3://BUCKET/PREFIX, got 'logs/app'");
    }

    @Test
    void options_keepTheDestinationsInCommandLineOrder() {
        AuditOptions options = AuditOptions.parse(List.of("--stream", "router", "--sent", "sent.ndjson", "--es",
                "http://127.0.0.1:9200", "--s3", "s3://logs-b/p", "--index", "logway-*", "--log-id-field", "id"));

        assertThat(options.sent()).isEqualTo(Path.of("sent.ndjson"));
        assertThat(options.logIdField()).isEqualTo("id");
        assertThat(options.destinations()).containsExactly(
                new AuditOptions.StreamTarget("router"),
                new AuditOptions.OpenSearchTarget(URI.create("http://127.0.0.1:9200"), "logway-*"),
                new AuditOptions.S3Target(new S3Location("logs-b", "p")));
    }

    @Test
    void options_withEsHostWithoutScheme_useHttps() {
        AuditOptions options = AuditOptions.parse(List.of("--sent", "f", "--es", "search.example.com",
                "--index", "logs-*"));

        assertThat(options.destinations()).containsExactly(
                new AuditOptions.OpenSearchTarget(URI.create("https://search.example.com"), "logs-*"));
    }

    @Test
    void options_withoutSent_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--stream", "s")))
                .isInstanceOf(UsageException.class).hasMessage("--sent FILE is required");
    }

    @Test
    void options_withoutDestination_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--sent", "f")))
                .isInstanceOf(UsageException.class)
                .hasMessage("name at least one destination: --s3, --es with --index, or --stream");
    }

    @Test
    void options_withEsButNoIndex_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--sent", "f", "--es", "http://h:9200")))
                .isInstanceOf(UsageException.class).hasMessage("--es URL and --index PATTERN go together");
    }

    @Test
    void options_withBadS3Location_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--sent", "f", "--s3", "bucket")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--s3 must be s3://BUCKET or s3://BUCKET/PREFIX, got 'bucket'");
    }

    @Test
    void options_withUnknownOption_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--sent", "f", "--bucket", "b")))
                .isInstanceOf(UsageException.class).hasMessage("unknown option '--bucket'");
    }

    @Test
    void options_withMissingValue_isAUsageError() {
        assertThatThrownBy(() -> AuditOptions.parse(List.of("--sent", "f", "--stream")))
                .isInstanceOf(UsageException.class).hasMessage("--stream needs a value");
    }
}
