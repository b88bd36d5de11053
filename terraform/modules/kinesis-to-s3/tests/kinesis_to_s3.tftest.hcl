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
    defaults = { arn = "arn:aws:sqs:ap-northeast-1:123456789012:mocked" }
  }
  mock_resource "aws_kinesis_stream" {
    defaults = { arn = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/mocked" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mocked" }
  }
}

variables {
  name                     = "logs-to-s3"
  kinesis_stream_arn       = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/logs"
  log_bucket               = "example-logs"
  log_path_prefix          = "logs"
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "kinesis-to-s3-0.1.0-lambda.zip"
}

run "baikonur_defaults" {
  command = plan

  assert {
    condition     = output.environment["LOG_S3_BUCKET"] == "example-logs" && output.environment["LOG_S3_PREFIX"] == "logs"
    error_message = "bucket and prefix go to LOG_S3_BUCKET and LOG_S3_PREFIX"
  }
  assert {
    condition     = output.environment["TIMEZONE"] == "UTC" && !contains(keys(output.environment), "TZ")
    error_message = "timezone sets TIMEZONE (Lambda reserves TZ)"
  }
  assert {
    condition     = output.environment["LOG_TYPE_UNKNOWN_PREFIX"] == "unknown" && output.environment["S3_KEY_LAYOUT"] == "baikonur" && output.environment["S3_COMPRESSION"] == "gzip"
    error_message = "Baikonur defaults: unknown prefix, baikonur layout, gzip"
  }
  assert {
    condition     = !contains(keys(output.environment), "FAILED_LOG_S3_BUCKET") && !contains(keys(output.environment), "LOG_TYPE_WHITELIST")
    error_message = "unset optional settings are left out of the environment"
  }
  assert {
    condition     = length(aws_glue_catalog_table.logs) == 0
    error_message = "no Glue table unless asked"
  }
}

run "hive_layout_with_glue_table" {
  command = plan

  variables {
    s3         = { key_layout = "hive", compression = "zstd" }
    glue_table = { enabled = true, database_name = "logs", log_types = ["app", "alb"] }
  }

  assert {
    condition     = aws_glue_catalog_table.logs[0].parameters["storage.location.template"] == "s3://example-logs/logs/log_type=$${log_type}/dt=$${dt}/hour=$${hour}"
    error_message = "the projection template follows the hive key layout"
  }
  assert {
    condition     = aws_glue_catalog_table.logs[0].parameters["projection.log_type.values"] == "app,alb"
    error_message = "log types become the enum projection"
  }
}

run "glue_table_needs_hive_layout" {
  command = plan

  variables {
    glue_table = { enabled = true, database_name = "logs", log_types = ["app"] }
  }

  expect_failures = [aws_glue_catalog_table.logs]
}

run "rejects_unknown_compression" {
  command = plan

  variables {
    s3 = { compression = "brotli" }
  }

  expect_failures = [var.s3]
}
