data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition         = data.aws_partition.current.partition
  account_id        = data.aws_caller_identity.current.account_id
  bucket_arn        = "arn:${local.partition}:s3:::${var.log_bucket_name}"
  target_stream_arn = startswith(var.target_stream_name, "arn:") ? var.target_stream_name : "arn:${local.partition}:kinesis:${data.aws_region.current.region}:${local.account_id}:stream/${var.target_stream_name}"
  failed_log_prefix = trimsuffix(var.failed_log_s3_prefix, "/")
  visibility        = coalesce(var.queue.visibility_timeout_seconds, 6 * var.timeout)
  alarm_actions     = var.alarms.sns_topic_arn == null ? [] : [var.alarms.sns_topic_arn]

  common_environment = {
    LOG_TYPE_FIELD       = var.log_type_field
    LOG_ID_FIELD         = var.log_id_field
    LOG_TIMESTAMP_FIELD  = var.log_timestamp_field
    LOG_TYPE_WHITELIST   = join(",", var.log_type_field_whitelist)
    MAX_TIME_SKEW_FUTURE = var.processing.max_time_skew_future
    MAX_TIME_SKEW_PAST   = var.processing.max_time_skew_past
    CWL_METADATA_FIELD   = var.processing.cwl_metadata_field
    CWL_TEXT_MODE        = var.processing.cwl_text_mode
    CWL_LOG_TYPE_MAP     = join(",", [for m in var.processing.cwl_log_type_map : "${m.log_group}=${m.log_type}"])
    DEADLINE_MARGIN_MS   = tostring(var.processing.deadline_margin_ms)
    MAX_RECORD_BYTES     = tostring(var.processing.max_record_bytes)
    LOG_LEVEL            = var.processing.log_level
  }

  environment = {
    for key, value in merge(local.common_environment, {
      TARGET_STREAM_NAME   = var.target_stream_name
      ALB_LOG_TYPE         = var.alb_log_type
      ELB_LOG_TYPE         = var.elb_log_type
      PARTITION_KEY        = var.partition_key
      FAILED_LOG_S3_BUCKET = var.failed_log_s3_bucket
      FAILED_LOG_S3_PREFIX = local.failed_log_prefix
    }) : key => value if value != null && value != ""
  }

  policy_statements = concat(
    [
      {
        sid       = "ReadAccessLogs"
        actions   = ["s3:GetObject"]
        resources = ["${local.bucket_arn}/${var.log_prefix}*"]
      },
      {
        sid       = "PutRecordsToTarget"
        actions   = ["kinesis:PutRecords", "kinesis:DescribeStreamSummary"]
        resources = [local.target_stream_arn]
      },
      {
        sid       = "WriteFailedLog"
        actions   = ["s3:PutObject"]
        resources = ["arn:${local.partition}:s3:::${var.failed_log_s3_bucket}/${local.failed_log_prefix}/*"]
      },
    ],
    var.log_bucket_kms_key_arn == null ? [] : [{
      sid       = "DecryptAccessLogs"
      actions   = ["kms:Decrypt"]
      resources = [var.log_bucket_kms_key_arn]
    }],
    var.target_kms_key_arn == null ? [] : [{
      sid       = "EncryptTargetRecords"
      actions   = ["kms:GenerateDataKey"]
      resources = [var.target_kms_key_arn]
    }],
  )
}

# ---------------------------------------------------------------------------------------------------------------
# S3 ObjectCreated -> SQS (with its redrive DLQ)
# ---------------------------------------------------------------------------------------------------------------
resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = var.queue.dlq_retention_days * 86400
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "events" {
  name                       = "${var.name}-events"
  visibility_timeout_seconds = local.visibility
  message_retention_seconds  = 4 * 86400
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.queue.max_receive_count
  })
  tags = var.tags
}

data "aws_iam_policy_document" "queue" {
  statement {
    sid       = var.eventbridge ? "EventBridgeSendsObjectCreated" : "S3SendsObjectCreated"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.events.arn]
    principals {
      type        = "Service"
      identifiers = [var.eventbridge ? "events.amazonaws.com" : "s3.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [var.eventbridge ? one(aws_cloudwatch_event_rule.object_created[*].arn) : local.bucket_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy    = data.aws_iam_policy_document.queue.json
}

# WARNING: a bucket has one notification configuration; this resource replaces whatever the bucket had.
resource "aws_s3_bucket_notification" "access_logs" {
  count = var.eventbridge ? 0 : 1

  bucket = var.log_bucket_name

  queue {
    id            = "${var.name}-access-logs"
    queue_arn     = aws_sqs_queue.events.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = var.log_prefix == "" ? null : var.log_prefix
  }

  depends_on = [aws_sqs_queue_policy.events]
}

resource "aws_cloudwatch_event_rule" "object_created" {
  count = var.eventbridge ? 1 : 0

  name        = "${substr(var.name, 0, 49)}-object-created" # rule names: at most 64 characters
  description = "Access log objects created in ${var.log_bucket_name}/${var.log_prefix} -> ${var.name}"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = { name = [var.log_bucket_name] }
      object = { key = [{ prefix = var.log_prefix }] }
    }
  })
  tags = var.tags
}

resource "aws_cloudwatch_event_target" "queue" {
  count = var.eventbridge ? 1 : 0

  rule      = one(aws_cloudwatch_event_rule.object_created[*].name)
  target_id = "${substr(var.name, 0, 58)}-queue"
  arn       = aws_sqs_queue.events.arn
}

# ---------------------------------------------------------------------------------------------------------------
# SQS -> function -> Kinesis
# ---------------------------------------------------------------------------------------------------------------
module "function" {
  source = "../kinesis-consumer-lambda"

  name                  = var.name
  description           = "Logway elb-to-kinesis: s3://${var.log_bucket_name}/${var.log_prefix} -> ${var.target_stream_name}"
  handler               = "io.github.logway.elb.ElbLogsToKinesisHandler::handleRequest"
  environment_variables = local.environment
  policy_statements     = local.policy_statements

  sqs_event_source = {
    queue_arn                          = aws_sqs_queue.events.arn
    batch_size                         = var.batch_size
    maximum_batching_window_in_seconds = var.queue.maximum_batching_window_in_seconds
    maximum_concurrency                = var.queue.maximum_concurrency
  }
  enable_kinesis_mapping = var.enable_kinesis_mapping

  runtime                        = var.runtime
  architecture                   = var.architecture
  memory                         = var.memory
  timeout                        = var.timeout
  java_tool_options              = var.java_tool_options
  snap_start                     = var.snap_start
  tracing_mode                   = var.tracing_mode
  reserved_concurrent_executions = var.reserved_concurrent_executions
  vpc_config                     = var.vpc_config
  log_retention_in_days          = var.log_retention_in_days

  lambda_package_path      = var.lambda_package_path
  lambda_package_s3_bucket = var.lambda_package_s3_bucket
  lambda_package_s3_key    = var.lambda_package_s3_key
  lambda_package_url       = var.lambda_package_url
  lambda_package_sha256    = var.lambda_package_sha256

  alarms = {
    enabled             = var.alarms.enabled
    sns_topic_arn       = var.alarms.sns_topic_arn
    errors_threshold    = var.alarms.errors_threshold
    throttles_threshold = var.alarms.throttles_threshold
    period_seconds      = var.alarms.period_seconds
    evaluation_periods  = var.alarms.evaluation_periods
  }
  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dlq_messages" {
  count = var.alarms.enabled ? 1 : 0

  alarm_name          = "${var.name}-dlq-messages"
  alarm_description   = "Access log notifications for ${var.name} failed ${var.queue.max_receive_count} times and are in ${aws_sqs_queue.dlq.name}."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = var.alarms.period_seconds
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
