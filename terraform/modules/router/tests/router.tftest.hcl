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
  name                     = "router"
  failed_log_s3_bucket     = "example-failed-logs"
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "kinesis-forward-0.1.0-lambda.zip"
  subscribers = {
    archive = { log_types = [] }
    search  = { log_types = ["app", "alb"], create_stream = { mode = "PROVISIONED", shard_count = 2 } }
    billing = { log_types = ["billing"], target_stream_name = "billing-events" }
  }
}

run "one_forwarder_per_subscriber" {
  # apply (against the mock provider: nothing is created) so that created stream ARNs, and the environments
  # built from them, are known
  command = apply

  assert {
    condition     = aws_kinesis_stream.router.stream_mode_details[0].stream_mode == "ON_DEMAND" && aws_kinesis_stream.router.encryption_type == "KMS"
    error_message = "the router stream is on-demand and encrypted by default"
  }
  assert {
    condition     = length(aws_kinesis_stream.target) == 2 && aws_kinesis_stream.target["search"].shard_count == 2
    error_message = "streams are created for subscribers without target_stream_name only"
  }
  assert {
    condition     = length(module.forwarder) == 3 && module.forwarder["billing"].environment["TARGET_STREAM_NAME"] == "billing-events"
    error_message = "every subscriber gets a forwarder; existing targets are used as given"
  }
  assert {
    condition     = module.forwarder["search"].environment["LOG_TYPE_WHITELIST"] == "app,alb" && !contains(keys(module.forwarder["archive"].environment), "LOG_TYPE_WHITELIST")
    error_message = "log_types become the forwarder's whitelist (empty: all)"
  }
  assert {
    condition     = module.forwarder["search"].function_name == "router-to-search"
    error_message = "forwarders are named {name}-to-{subscriber}"
  }
}

run "rejects_uppercase_subscriber_keys" {
  command = plan

  variables {
    subscribers = { Search = { log_types = ["app"] } }
  }

  expect_failures = [var.subscribers]
}
