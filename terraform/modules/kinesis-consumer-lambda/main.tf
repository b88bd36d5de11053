data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  package_sources = length(compact([
    var.lambda_package_path == null ? "" : "path",
    var.lambda_package_s3_bucket == null && var.lambda_package_s3_key == null ? "" : "s3",
    var.lambda_package_url == null ? "" : "url",
  ]))

  # lambda_package_url: the zip is downloaded next to the root module's .terraform directory, named after its
  # checksum so that a new release is a new file.
  downloaded_package = var.lambda_package_url == null ? null : "${path.root}/.terraform/logway-packages/${var.name}-${substr(sha256(coalesce(var.lambda_package_sha256, var.lambda_package_url)), 0, 16)}.zip"

  package_filename = var.lambda_package_path != null ? var.lambda_package_path : local.downloaded_package
  source_code_hash = var.lambda_package_path != null ? filebase64sha256(var.lambda_package_path) : var.lambda_package_sha256

  environment = merge(
    var.java_tool_options == "" ? {} : { JAVA_TOOL_OPTIONS = var.java_tool_options },
    var.environment_variables,
  )

  kinesis = var.kinesis_stream_arn != null

  # The on-failure destination belongs to the Kinesis mapping; an SQS source uses its queue's redrive DLQ.
  on_failure_type          = local.kinesis ? var.on_failure.type : "none"
  create_on_failure_bucket = local.on_failure_type == "s3" && var.on_failure.arn == null
  create_on_failure_queue  = local.on_failure_type == "sqs" && var.on_failure.arn == null
  on_failure_arn = !local.kinesis ? null : coalesce(
    var.on_failure.arn,
    local.create_on_failure_bucket ? one(aws_s3_bucket.on_failure[*].arn) : null,
    local.create_on_failure_queue ? one(aws_sqs_queue.on_failure[*].arn) : null,
  )
  # Bucket names are global and at most 63 characters: a readable part of the name, a hash of the whole name, then
  # account and region so that one function name can exist in every account and region.
  on_failure_bucket_name = lower(join("-", [
    trim(substr(replace(var.name, "_", "-"), 0, 20), "-"),
    substr(sha1(var.name), 0, 8),
    "dlq",
    data.aws_caller_identity.current.account_id,
    data.aws_region.current.region,
  ]))

  event_source_arn = var.event_source.enhanced_fan_out ? one(aws_kinesis_stream_consumer.this[*].arn) : var.kinesis_stream_arn
  mapping_target   = var.snap_start ? aws_lambda_alias.live.arn : aws_lambda_function.this.arn

  alarm_actions = var.alarms.sns_topic_arn == null ? [] : [var.alarms.sns_topic_arn]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

# ---------------------------------------------------------------------------------------------------------------
# Package from a release URL (Baikonur's lambda_package_url): fetched at apply time, checksum verified.
# ---------------------------------------------------------------------------------------------------------------
resource "terraform_data" "package_download" {
  count = var.lambda_package_url == null ? 0 : 1

  triggers_replace = [var.lambda_package_url, var.lambda_package_sha256]

  provisioner "local-exec" {
    interpreter = ["/bin/sh", "-c"]
    environment = {
      PACKAGE_URL    = var.lambda_package_url
      PACKAGE_SHA256 = var.lambda_package_sha256
      PACKAGE_FILE   = local.downloaded_package
    }
    command = <<-EOT
      set -eu
      mkdir -p "$(dirname "$PACKAGE_FILE")"
      curl --fail --silent --show-error --location --retry 3 --output "$PACKAGE_FILE.part" "$PACKAGE_URL"
      actual="$(openssl dgst -sha256 -binary "$PACKAGE_FILE.part" | openssl base64 -A)"
      if [ "$actual" != "$PACKAGE_SHA256" ]; then
        echo "checksum mismatch for $PACKAGE_URL: expected $PACKAGE_SHA256, got $actual" >&2
        rm -f "$PACKAGE_FILE.part"
        exit 1
      fi
      mv "$PACKAGE_FILE.part" "$PACKAGE_FILE"
    EOT
  }
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  description   = var.description
  role          = aws_iam_role.this.arn
  handler       = var.handler
  runtime       = var.runtime
  architectures = [var.architecture]
  memory_size   = var.memory
  timeout       = var.timeout
  publish       = var.snap_start

  filename          = local.package_filename
  s3_bucket         = var.lambda_package_s3_bucket
  s3_key            = var.lambda_package_s3_key
  s3_object_version = var.lambda_package_s3_object_version
  source_code_hash  = local.source_code_hash

  reserved_concurrent_executions = var.reserved_concurrent_executions

  environment {
    variables = local.environment
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tracing_config {
    mode = var.tracing_mode
  }

  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "vpc_config" {
    for_each = var.vpc_config == null ? [] : [var.vpc_config]
    content {
      subnet_ids         = vpc_config.value.subnet_ids
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = (var.kinesis_stream_arn == null) != (var.sqs_event_source == null)
      error_message = "Set exactly one event source: kinesis_stream_arn or sqs_event_source."
    }
    precondition {
      condition     = local.package_sources == 1
      error_message = "Set exactly one package source: lambda_package_path, lambda_package_s3_bucket + lambda_package_s3_key, or lambda_package_url (+ lambda_package_sha256)."
    }
    precondition {
      condition     = var.lambda_package_url == null || var.lambda_package_sha256 != null
      error_message = "lambda_package_url needs lambda_package_sha256: the download is checked against it."
    }
    precondition {
      condition     = (var.lambda_package_s3_bucket == null) == (var.lambda_package_s3_key == null)
      error_message = "lambda_package_s3_bucket and lambda_package_s3_key go together."
    }
  }

  depends_on = [
    aws_iam_role_policy.this,
    aws_cloudwatch_log_group.this,
    terraform_data.package_download,
  ]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The version the event source mapping invokes (the latest published version with SnapStart, else $LATEST)."
  function_name    = aws_lambda_function.this.function_name
  function_version = var.snap_start ? aws_lambda_function.this.version : "$LATEST"
}

# ---------------------------------------------------------------------------------------------------------------
# Event source mapping
# ---------------------------------------------------------------------------------------------------------------
resource "aws_kinesis_stream_consumer" "this" {
  count = local.kinesis && var.event_source.enhanced_fan_out ? 1 : 0

  name       = var.name
  stream_arn = var.kinesis_stream_arn
  tags       = var.tags
}

resource "aws_lambda_event_source_mapping" "this" {
  count = local.kinesis && var.enable_kinesis_mapping ? 1 : 0

  event_source_arn                   = local.event_source_arn
  function_name                      = local.mapping_target
  function_response_types            = ["ReportBatchItemFailures"]
  batch_size                         = var.event_source.batch_size
  maximum_batching_window_in_seconds = var.event_source.maximum_batching_window_in_seconds
  starting_position                  = var.event_source.starting_position
  starting_position_timestamp        = var.event_source.starting_position_timestamp
  parallelization_factor             = var.event_source.parallelization_factor
  maximum_retry_attempts             = var.event_source.maximum_retry_attempts
  maximum_record_age_in_seconds      = var.event_source.maximum_record_age_in_seconds
  bisect_batch_on_function_error     = var.event_source.bisect_batch_on_function_error

  destination_config {
    on_failure {
      destination_arn = local.on_failure_arn
    }
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_event_source_mapping" "sqs" {
  count = var.sqs_event_source != null && var.enable_kinesis_mapping ? 1 : 0

  event_source_arn                   = var.sqs_event_source.queue_arn
  function_name                      = local.mapping_target
  function_response_types            = ["ReportBatchItemFailures"]
  batch_size                         = var.sqs_event_source.batch_size
  maximum_batching_window_in_seconds = var.sqs_event_source.maximum_batching_window_in_seconds

  dynamic "scaling_config" {
    for_each = var.sqs_event_source.maximum_concurrency == null ? [] : [var.sqs_event_source.maximum_concurrency]
    content {
      maximum_concurrency = scaling_config.value
    }
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.this]
}

# ---------------------------------------------------------------------------------------------------------------
# On-failure destination created by the module (when on_failure.arn is null)
# ---------------------------------------------------------------------------------------------------------------
resource "aws_s3_bucket" "on_failure" {
  count = local.create_on_failure_bucket ? 1 : 0

  bucket = local.on_failure_bucket_name
  tags   = var.tags
}

resource "aws_s3_bucket_public_access_block" "on_failure" {
  count = local.create_on_failure_bucket ? 1 : 0

  bucket                  = aws_s3_bucket.on_failure[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "on_failure" {
  count = local.create_on_failure_bucket ? 1 : 0

  bucket = aws_s3_bucket.on_failure[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "on_failure" {
  count = local.create_on_failure_bucket ? 1 : 0

  bucket = aws_s3_bucket.on_failure[0].id
  rule {
    id     = "expire-failed-batches"
    status = "Enabled"
    filter {}
    expiration {
      days = var.on_failure.retention_days
    }
  }
}

resource "aws_sqs_queue" "on_failure" {
  count = local.create_on_failure_queue ? 1 : 0

  name                      = "${var.name}-failed-batches"
  message_retention_seconds = var.on_failure.retention_days * 86400
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

# ---------------------------------------------------------------------------------------------------------------
# Alarms
# ---------------------------------------------------------------------------------------------------------------
resource "aws_cloudwatch_metric_alarm" "iterator_age" {
  count = var.alarms.enabled && local.kinesis && var.enable_kinesis_mapping ? 1 : 0

  alarm_name          = "${var.name}-iterator-age"
  alarm_description   = "${var.name} is falling behind its stream: the oldest record of the last batch is older than ${var.alarms.iterator_age_threshold_ms} ms."
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Maximum"
  period              = var.alarms.period_seconds
  evaluation_periods  = var.alarms.evaluation_periods
  threshold           = var.alarms.iterator_age_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  count = var.alarms.enabled ? 1 : 0

  alarm_name          = "${var.name}-errors"
  alarm_description   = "${var.name} invocations failed (fatal errors: credentials, missing resources, KMS access, bugs)."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = var.alarms.period_seconds
  evaluation_periods  = var.alarms.evaluation_periods
  threshold           = var.alarms.errors_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count = var.alarms.enabled ? 1 : 0

  alarm_name          = "${var.name}-throttles"
  alarm_description   = "${var.name} invocations were throttled (account or reserved concurrency exhausted)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = var.alarms.period_seconds
  evaluation_periods  = var.alarms.evaluation_periods
  threshold           = var.alarms.throttles_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# A batch reached the on-failure destination: SQS queue depth, or SNS publishes. S3 destinations have no
# per-object metric without S3 request metrics; the errors alarm and the bucket itself are the signal there.
resource "aws_cloudwatch_metric_alarm" "on_failure_messages" {
  count = var.alarms.enabled && contains(["sqs", "sns"], local.on_failure_type) ? 1 : 0

  alarm_name          = "${var.name}-failed-batches"
  alarm_description   = "${var.name} gave up on a batch: it is in the on-failure destination (replay it with ./logway replay)."
  namespace           = local.on_failure_type == "sqs" ? "AWS/SQS" : "AWS/SNS"
  metric_name         = local.on_failure_type == "sqs" ? "ApproximateNumberOfMessagesVisible" : "NumberOfMessagesPublished"
  dimensions          = { (local.on_failure_type == "sqs" ? "QueueName" : "TopicName") = element(split(":", local.on_failure_arn), 5) }
  statistic           = local.on_failure_type == "sqs" ? "Maximum" : "Sum"
  period              = var.alarms.period_seconds
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
