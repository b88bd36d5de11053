package io.github.logway.local.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.logway.local.S3Location;
import io.github.logway.local.UsageException;
import io.github.logway.schema.RejectReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayOptionsTest {

    private static final String QUEUE = "http://127.0.0.1:9324/000000000000/on-failure";

    @Test
    void parse_whenFromS3WithEveryOption_readsThemAll() {
        ReplayOptions options = ReplayOptions.parse(List.of("--from", "s3://logway-failed/failed/", "--to", "router",
                "--reason", "not_json", "--since", "2026-11-24T10:00:00Z", "--until", "2026-11-25T00:00:00Z",
                "--rate", "250", "--dry-run"));

        assertThat(options.from()).contains(new S3Location("logway-failed", "failed/"));
        assertThat(options.fromSqs()).isEmpty();
        assertThat(options.to()).isEqualTo("router");
        assertThat(options.filter().reason()).contains(RejectReason.NOT_JSON);
        assertThat(options.filter().since()).contains(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(options.filter().until()).contains(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(options.rate()).hasValue(250);
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void parse_whenFromSqs_keepsTheQueueUrlAndSelectsEverything() {
        ReplayOptions options = ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to", "router"));

        assertThat(options.fromSqs()).contains(QUEUE);
        assertThat(options.from()).isEmpty();
        assertThat(options.filter()).isEqualTo(ReplayFilter.ALL);
        assertThat(options.rate()).isEmpty();
        assertThat(options.dryRun()).isFalse();
    }

    @Test
    void parse_whenBucketOnly_hasAnEmptyPrefix() {
        assertThat(ReplayOptions.parse(List.of("--from", "s3://logway-failed", "--to", "router")).from())
                .contains(new S3Location("logway-failed", ""));
    }

    @Test
    void parse_whenToIsMissing_failsNamingIt() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://logway-failed/failed")))
                .isInstanceOf(UsageException.class).hasMessage("missing --to STREAM (a stream name or ARN)");
    }

    @Test
    void parse_whenBothSources_failsSayingTheyExcludeEachOther() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://logway-failed/failed", "--from-sqs",
                QUEUE, "--to", "router")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--from and --from-sqs exclude each other; replay one source at a time");
    }

    @Test
    void parse_whenNoSource_failsNamingBoth() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--to", "router")))
                .isInstanceOf(UsageException.class)
                .hasMessage("missing the source: --from s3://BUCKET/PREFIX or --from-sqs QUEUE_URL");
    }

    @Test
    void parse_whenTimeIsNotAnInstant_failsWithAnExample() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://logway-failed", "--to", "router",
                "--since", "2026-11-24")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--since takes an ISO-8601 instant such as 2026-11-24T10:15:30Z, got '2026-11-24'");
    }

    @Test
    void parse_whenSinceIsNotBeforeUntil_fails() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://logway-failed", "--to", "router",
                "--since", "2026-11-25T00:00:00Z", "--until", "2026-11-24T00:00:00Z")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--since must be before --until");
    }

    @Test
    void parse_whenFromIsNotAnS3Url_fails() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "https://logway-failed/failed", "--to",
                "router")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--from must be s3://BUCKET or s3://BUCKET/PREFIX, got 'https://logway-failed/failed'");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://Bad_Bucket/x", "--to", "router")))
                .isInstanceOf(UsageException.class).hasMessageContaining("valid bucket name");
    }

    @Test
    void parse_whenQueueUrlIsNotHttp_fails() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", "on-failure", "--to", "router")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--from-sqs takes a queue URL");
    }

    @Test
    void parse_whenReasonIsUnknown_listsTheKnownOnes() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from", "s3://logway-failed", "--to", "router",
                "--reason", "bad_json")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("unknown --reason 'bad_json'; one of not_utf8, not_json,");
    }

    @Test
    void parse_whenSqsWithATimeFilter_failsBecauseFiltersSelectS3Objects() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to", "router", "--since",
                "2026-11-24T00:00:00Z")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--reason, --since and --until select");
    }

    @Test
    void parse_whenRateIsNotPositive_fails() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to", "router", "--rate", "0")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--rate takes records per second from 1 to 1000000, got '0'");
    }

    @Test
    void parse_whenOptionIsUnknownOrValueMissing_fails() {
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to", "router", "--force")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown argument '--force'");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to")))
                .isInstanceOf(UsageException.class).hasMessage("--to needs a value");
        assertThatThrownBy(() -> ReplayOptions.parse(List.of("--from-sqs", QUEUE, "--to", "a", "--to", "b")))
                .isInstanceOf(UsageException.class).hasMessage("--to given twice");
    }

    @Test
    void s3Location_url_namesTheObject() {
        assertThat(new S3Location("logway-failed", "failed/").url("failed/not_json/x.gz"))
                .isEqualTo("s3://logway-failed/failed/not_json/x.gz");
        assertThat(Optional.of(S3Location.parse("s3://logway-failed/a/b")).map(S3Location::prefix)).contains("a/b");
    }
}
