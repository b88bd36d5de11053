# Plan tests with a mocked AWS provider: no credentials, no AWS calls. Run with `terraform test` in the module.

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_region" {
    defaults = { region = "ap-northeast-1" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::mocked-failed-batches" }
  }
  mock_resource "aws_sqs_queue" {
    defaults = { arn = "arn:aws:sqs:ap-northeast-1:123456789012:mocked-failed-batches" }
  }
}

variables {
  name                     = "logway-test-to-s3"
  handler                  = "io.github.logway.s3.KinesisToS3Handler::handleRequest"
  kinesis_stream_arn       = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/logs"
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "kinesis-to-s3-0.1.0-lambda.zip"
}

run "defaults_give_a_java21_function_with_bounded_retries_and_an_s3_dlq" {
  command = plan

  assert {
    condition     = aws_lambda_function.this.runtime == "java21" && aws_lambda_function.this.architectures == tolist(["x86_64"])
    error_message = "default runtime must be java21 on x86_64"
  }
  assert {
    condition     = aws_lambda_function.this.environment[0].variables["JAVA_TOOL_OPTIONS"] == "-XX:+TieredCompilation -XX:TieredStopAtLevel=4"
    error_message = "JAVA_TOOL_OPTIONS must enable the full tiered JIT by default"
  }
  assert {
    condition     = contains(aws_lambda_event_source_mapping.this[0].function_response_types, "ReportBatchItemFailures")
    error_message = "the mapping must report batch item failures"
  }
  assert {
    condition     = aws_lambda_event_source_mapping.this[0].bisect_batch_on_function_error == true
    error_message = "bisect must be on by default"
  }
  assert {
    condition     = aws_lambda_event_source_mapping.this[0].maximum_retry_attempts == 10 && aws_lambda_event_source_mapping.this[0].maximum_record_age_in_seconds == 86400
    error_message = "retries and record age must be bounded by default"
  }
  assert {
    condition     = length(aws_s3_bucket.on_failure) == 1 && length(aws_sqs_queue.on_failure) == 0
    error_message = "the default on-failure destination is a created S3 bucket"
  }
  assert {
    condition     = length(aws_s3_bucket.on_failure[0].bucket) <= 63
    error_message = "the created bucket name must fit S3's 63 characters"
  }
  assert {
    condition     = length(aws_kinesis_stream_consumer.this) == 0
    error_message = "enhanced fan-out is off by default"
  }
  assert {
    condition     = aws_cloudwatch_log_group.this.retention_in_days == 30
    error_message = "log retention defaults to Baikonur's 30 days"
  }
}

run "sqs_on_failure_creates_a_queue_and_its_alarm" {
  command = plan

  variables {
    on_failure = { type = "sqs" }
  }

  assert {
    condition     = length(aws_sqs_queue.on_failure) == 1 && length(aws_s3_bucket.on_failure) == 0
    error_message = "type sqs creates a queue and no bucket"
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.on_failure_messages) == 1
    error_message = "an SQS destination gets a queue-depth alarm"
  }
}

run "given_sns_topic_is_used_as_is" {
  command = plan

  variables {
    on_failure = { type = "sns", arn = "arn:aws:sns:ap-northeast-1:123456789012:failed-batches" }
  }

  assert {
    condition     = aws_lambda_event_source_mapping.this[0].destination_config[0].on_failure[0].destination_arn == "arn:aws:sns:ap-northeast-1:123456789012:failed-batches"
    error_message = "the given topic is the destination"
  }
  assert {
    condition     = length(aws_s3_bucket.on_failure) == 0 && length(aws_sqs_queue.on_failure) == 0
    error_message = "nothing is created for a given destination"
  }
}

run "snap_start_publishes_and_enables_snap_start" {
  command = plan

  variables {
    snap_start = true
  }

  assert {
    condition     = aws_lambda_function.this.publish == true && aws_lambda_function.this.snap_start[0].apply_on == "PublishedVersions"
    error_message = "SnapStart needs published versions"
  }
}

run "enhanced_fan_out_creates_a_consumer" {
  command = plan

  variables {
    event_source = { enhanced_fan_out = true }
  }

  assert {
    condition     = length(aws_kinesis_stream_consumer.this) == 1
    error_message = "enhanced fan-out registers a stream consumer"
  }
}

run "sqs_source_has_no_kinesis_mapping_and_no_dlq" {
  command = plan

  variables {
    kinesis_stream_arn = null
    sqs_event_source   = { queue_arn = "arn:aws:sqs:ap-northeast-1:123456789012:alb-events" }
  }

  assert {
    condition     = length(aws_lambda_event_source_mapping.this) == 0 && length(aws_lambda_event_source_mapping.sqs) == 1
    error_message = "an SQS source gets an SQS mapping only"
  }
  assert {
    condition     = length(aws_s3_bucket.on_failure) == 0 && length(aws_cloudwatch_metric_alarm.iterator_age) == 0
    error_message = "an SQS source has neither an on-failure bucket nor an iterator-age alarm"
  }
}

run "rejects_infinite_retries" {
  command = plan

  variables {
    event_source = { maximum_retry_attempts = -1 }
  }

  expect_failures = [var.event_source]
}

run "rejects_unknown_runtime" {
  command = plan

  variables {
    runtime = "python3.12"
  }

  expect_failures = [var.runtime]
}

run "rejects_wildcard_policy_statements" {
  command = plan

  variables {
    policy_statements = [{ sid = "TooBroad", actions = ["es:*"], resources = ["arn:aws:es:ap-northeast-1:123456789012:domain/logs/*"] }]
  }

  expect_failures = [var.policy_statements]
}

run "rejects_two_package_sources" {
  command = plan

  variables {
    lambda_package_url    = "https://github.com/example/logway/releases/download/v0.1.0/kinesis-to-s3-0.1.0-lambda.zip"
    lambda_package_sha256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
  }

  expect_failures = [aws_lambda_function.this]
}
