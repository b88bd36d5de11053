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
  name                     = "alb-logs"
  log_bucket_name          = "example-alb-logs"
  log_prefix               = "AWSLogs/"
  target_stream_name       = "router"
  failed_log_s3_bucket     = "example-failed-logs"
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "elb-to-kinesis-0.1.0-lambda.zip"
}

run "bucket_notification_by_default" {
  command = plan

  assert {
    condition     = length(aws_s3_bucket_notification.access_logs) == 1 && length(aws_cloudwatch_event_rule.object_created) == 0
    error_message = "the default feeds the queue with a bucket notification"
  }
  assert {
    condition     = aws_sqs_queue.events.visibility_timeout_seconds == 1800
    error_message = "the queue's visibility timeout is 6 x the function timeout (300 s)"
  }
  assert {
    condition     = output.environment["ALB_LOG_TYPE"] == "alb" && output.environment["ELB_LOG_TYPE"] == "elb" && output.environment["PARTITION_KEY"] == "client_ip"
    error_message = "log types and partition key defaults reach the function"
  }
}

run "eventbridge_leaves_the_bucket_notifications_alone" {
  command = plan

  variables {
    eventbridge = true
  }

  assert {
    condition     = length(aws_s3_bucket_notification.access_logs) == 0 && length(aws_cloudwatch_event_rule.object_created) == 1 && length(aws_cloudwatch_event_target.queue) == 1
    error_message = "eventbridge = true uses a rule and target instead of the bucket notification"
  }
}

run "rejects_more_than_fourteen_days_of_dlq_retention" {
  command = plan

  variables {
    queue = { dlq_retention_days = 30 }
  }

  expect_failures = [var.queue]
}
