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
  name                   = "app-logs"
  destination_stream_arn = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/router"
}

run "filters_per_log_group" {
  command = plan

  variables {
    log_group_names = ["/ecs/api", "/aws/lambda/checkout"]
  }

  assert {
    condition     = length(aws_cloudwatch_log_subscription_filter.this) == 2 && aws_cloudwatch_log_subscription_filter.this["/ecs/api"].destination_arn == var.destination_stream_arn
    error_message = "one filter per log group, into the stream"
  }
  assert {
    condition     = length(aws_cloudwatch_log_account_policy.subscription) == 0 && length(aws_cloudwatch_log_destination.cross_account) == 0
    error_message = "account policy and destination are opt-in"
  }
}

run "account_policy_with_exclusions" {
  command = plan

  variables {
    account_policy = { enabled = true, excluded_log_groups = ["/aws/lambda/logs-to-s3", "/aws/lambda/router-to-search"] }
  }

  assert {
    condition     = aws_cloudwatch_log_account_policy.subscription[0].policy_type == "SUBSCRIPTION_FILTER_POLICY" && aws_cloudwatch_log_account_policy.subscription[0].selection_criteria == "LogGroupName NOT IN [\"/aws/lambda/logs-to-s3\",\"/aws/lambda/router-to-search\"]"
    error_message = "the account policy subscribes everything but the excluded groups"
  }
}

run "cross_account_destination" {
  command = plan

  variables {
    cross_account_destination = { enabled = true, source_account_ids = ["210987654321"] }
  }

  assert {
    condition     = aws_cloudwatch_log_destination.cross_account[0].target_arn == var.destination_stream_arn
    error_message = "the destination fronts the stream"
  }
}

run "rejects_bad_account_ids" {
  command = plan

  variables {
    cross_account_destination = { enabled = true, source_account_ids = ["not-an-account"] }
  }

  expect_failures = [var.cross_account_destination]
}
