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
  name                     = "logs-forward"
  source_stream_name       = "router"
  target_stream_name       = "team-a"
  failed_log_s3_bucket     = "example-failed-logs"
  log_type_field_whitelist = ["app", "audit"]
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "kinesis-forward-0.1.0-lambda.zip"
}

run "forwards_with_whitelist" {
  command = plan

  assert {
    condition     = output.environment["TARGET_STREAM_NAME"] == "team-a" && output.environment["LOG_TYPE_WHITELIST"] == "app,audit"
    error_message = "target and whitelist reach the function"
  }
  assert {
    condition     = output.environment["PARTITION_KEY"] == "source" && output.environment["OUTPUT_FORMAT"] == "record" && output.environment["FAILED_LOG_S3_PREFIX"] == "failed"
    error_message = "defaults: source partition key, record output, failed prefix"
  }
  assert {
    condition     = output.target_stream_arn == "arn:aws:kinesis:ap-northeast-1:123456789012:stream/team-a"
    error_message = "a stream name resolves to an ARN in this account and region"
  }
}

run "cross_account_target_uses_the_role" {
  command = plan

  variables {
    target_stream_name = "arn:aws:kinesis:ap-northeast-1:210987654321:stream/central"
    target_role_arn    = "arn:aws:iam::210987654321:role/logway-writer"
  }

  assert {
    condition     = output.environment["TARGET_ROLE_ARN"] == "arn:aws:iam::210987654321:role/logway-writer" && output.target_stream_arn == "arn:aws:kinesis:ap-northeast-1:210987654321:stream/central"
    error_message = "an ARN target and a role are passed through"
  }
}

run "rejects_unknown_partition_key" {
  command = plan

  variables {
    partition_key = "shard"
  }

  expect_failures = [var.partition_key]
}
