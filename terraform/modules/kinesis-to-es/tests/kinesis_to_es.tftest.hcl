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
  name                     = "logs-to-es"
  kinesis_stream_arn       = "arn:aws:kinesis:ap-northeast-1:123456789012:stream/logs"
  elasticsearch_host       = "search-logs-abc.ap-northeast-1.es.amazonaws.com"
  elasticsearch_arn        = "arn:aws:es:ap-northeast-1:123456789012:domain/logs"
  index_name_prefix        = "logs"
  failed_log_s3_bucket     = "example-failed-logs"
  lambda_package_s3_bucket = "artifacts"
  lambda_package_s3_key    = "kinesis-to-es-0.1.0-lambda.zip"
}

run "managed_domain_with_sigv4" {
  command = plan

  assert {
    condition     = output.environment["ES_HOST"] == "search-logs-abc.ap-northeast-1.es.amazonaws.com" && output.environment["INDEX_NAME_PREFIX"] == "logs"
    error_message = "host and prefix reach the function"
  }
  assert {
    condition     = output.environment["ES_AUTH"] == "sigv4" && output.environment["ES_SIGV4_SERVICE"] == "es" && output.environment["ES_DOCUMENT_ID"] == "log_id"
    error_message = "defaults: SigV4 for es, idempotent document ids"
  }
  assert {
    condition     = length(aws_opensearch_domain_policy.this) == 0 && length(aws_opensearchserverless_access_policy.data) == 0
    error_message = "the domain policy is opt-in and no Serverless policy exists for a domain"
  }
}

run "domain_access_policy_on_request" {
  command = plan

  variables {
    domain_access_policy = true
  }

  assert {
    condition     = aws_opensearch_domain_policy.this[0].domain_name == "logs"
    error_message = "the policy targets the domain named in the ARN"
  }
}

run "serverless_collection_gets_a_data_access_policy" {
  # apply (against the mock provider: nothing is created) because the policy embeds the role ARN, unknown at plan
  command = apply

  variables {
    elasticsearch_host            = "abc123.ap-northeast-1.aoss.amazonaws.com"
    elasticsearch_arn             = "arn:aws:aoss:ap-northeast-1:123456789012:collection/abc123"
    es_sigv4_service              = "aoss"
    es_document_id                = "none"
    serverless_data_access_policy = { collection_name = "logs" }
  }

  assert {
    condition     = aws_opensearchserverless_access_policy.data[0].type == "data" && strcontains(aws_opensearchserverless_access_policy.data[0].policy, "index/logs/logs-*")
    error_message = "the data access policy covers the prefix's indices in the collection"
  }
  assert {
    condition     = output.environment["ES_SIGV4_SERVICE"] == "aoss" && output.environment["ES_DOCUMENT_ID"] == "none"
    error_message = "aoss signing and no document ids reach the function"
  }
  assert {
    condition     = length(aws_iam_role_policy.serverless_collection_type) == 1 && data.aws_iam_policy_document.serverless_collection_type[0].statement[0].condition[0].values[0] == "logs"
    error_message = "the role may read the type of the named collection only (aoss:BatchGetCollection, aoss:collection condition)"
  }
}

run "serverless_needs_a_collection_name" {
  command = plan

  variables {
    elasticsearch_arn = "arn:aws:aoss:ap-northeast-1:123456789012:collection/abc123"
    es_sigv4_service  = "aoss"
  }

  expect_failures = [aws_opensearchserverless_access_policy.data]
}

run "rejects_uppercase_index_prefix" {
  command = plan

  variables {
    index_name_prefix = "Logs"
  }

  expect_failures = [var.index_name_prefix]
}
