data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition         = data.aws_partition.current.partition
  stream_arn_prefix = "arn:${local.partition}:kinesis:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:stream/"
  source_stream_arn = startswith(var.source_stream_name, "arn:") ? var.source_stream_name : "${local.stream_arn_prefix}${var.source_stream_name}"
  target_stream_arn = startswith(var.target_stream_name, "arn:") ? var.target_stream_name : "${local.stream_arn_prefix}${var.target_stream_name}"
  failed_log_prefix = trimsuffix(var.failed_log_s3_prefix, "/")

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
      TARGET_ROLE_ARN      = var.target_role_arn
      KINESIS_MAX_RETRIES  = var.kinesis_max_retries == null ? null : tostring(var.kinesis_max_retries)
      PARTITION_KEY        = var.partition_key
      OUTPUT_FORMAT        = var.output_format
      FAILED_LOG_S3_BUCKET = var.failed_log_s3_bucket
      FAILED_LOG_S3_PREFIX = local.failed_log_prefix
    }) : key => value if value != null && value != ""
  }

  policy_statements = concat(
    var.target_role_arn != null ? [] : [{
      sid       = "PutRecordsToTarget"
      actions   = ["kinesis:PutRecords", "kinesis:DescribeStreamSummary"]
      resources = [local.target_stream_arn]
    }],
    var.target_role_arn == null ? [] : [{
      sid       = "AssumeTargetAccountRole"
      actions   = ["sts:AssumeRole"]
      resources = [var.target_role_arn]
    }],
    var.target_kms_key_arn == null ? [] : [{
      sid       = "EncryptTargetRecords"
      actions   = ["kms:GenerateDataKey"]
      resources = [var.target_kms_key_arn]
    }],
    [{
      sid       = "WriteFailedLog"
      actions   = ["s3:PutObject"]
      resources = ["arn:${local.partition}:s3:::${var.failed_log_s3_bucket}/${local.failed_log_prefix}/*"]
    }],
  )
}

module "function" {
  source = "../kinesis-consumer-lambda"

  name                  = var.name
  description           = "Logway kinesis-forward: ${var.source_stream_name} -> ${var.target_stream_name}"
  handler               = "io.github.logway.forward.KinesisForwardHandler::handleRequest"
  kinesis_stream_arn    = local.source_stream_arn
  environment_variables = local.environment
  policy_statements     = local.policy_statements
  runtime                        = startswith(var.runtime, "python") ? "java21" : var.runtime
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

  kinesis_kms_key_arn    = var.kinesis_kms_key_arn
  enable_kinesis_mapping = var.enable_kinesis_mapping
  event_source = merge(var.event_source, {
    batch_size        = var.batch_size
    starting_position = var.starting_position
  })
  on_failure = var.on_failure
  alarms     = var.alarms
  tags       = var.tags
}
