data "aws_partition" "current" {}

locals {
  log_prefix          = var.log_path_prefix == "" ? "" : "${var.log_path_prefix}/"
  failed_log_prefix   = trimsuffix(var.failed_log_s3_prefix, "/")
  partition           = data.aws_partition.current.partition

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
      LOG_S3_BUCKET           = var.log_bucket
      LOG_S3_PREFIX           = var.log_path_prefix
      LOG_TYPE_UNKNOWN_PREFIX = var.log_type_unknown_prefix
      TIMEZONE                = var.timezone
      FAILED_LOG_S3_BUCKET    = var.failed_log_s3_bucket
      FAILED_LOG_S3_PREFIX    = var.failed_log_s3_bucket == null ? null : local.failed_log_prefix
      S3_KEY_LAYOUT           = var.s3.key_layout
      S3_COMPRESSION          = var.s3.compression
      S3_COMPRESSION_LEVEL    = var.s3.compression_level == null ? null : tostring(var.s3.compression_level)
      S3_SSE_KMS_KEY_ID       = var.s3.sse_kms_key_arn
      S3_STORAGE_CLASS        = var.s3.storage_class
      S3_MAX_OBJECT_BYTES     = var.s3.max_object_bytes == null ? null : tostring(var.s3.max_object_bytes)
      S3_UPLOAD_CONCURRENCY   = var.s3.upload_concurrency == null ? null : tostring(var.s3.upload_concurrency)
    }) : key => value if value != null && value != ""
  }

  # S3 PutObject only under the prefixes the function writes: the log prefix (which holds the unknown prefix) and,
  # when configured, the failed-log prefix.
  policy_statements = concat(
    [{
      sid       = "WriteLogObjects"
      actions   = ["s3:PutObject"]
      resources = ["arn:${local.partition}:s3:::${var.log_bucket}/${local.log_prefix}*"]
    }],
    var.failed_log_s3_bucket == null ? [] : [{
      sid       = "WriteFailedLog"
      actions   = ["s3:PutObject"]
      resources = ["arn:${local.partition}:s3:::${var.failed_log_s3_bucket}/${local.failed_log_prefix}/*"]
    }],
    var.s3.sse_kms_key_arn == null ? [] : [{
      sid       = "EncryptLogObjects"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [var.s3.sse_kms_key_arn]
    }],
  )
}

module "function" {
  source = "../kinesis-consumer-lambda"

  name                  = var.name
  description           = "Logway kinesis-to-s3: ${var.kinesis_stream_arn} -> s3://${var.log_bucket}/${var.log_path_prefix}"
  handler               = "io.github.logway.s3.KinesisToS3Handler::handleRequest"
  kinesis_stream_arn    = var.kinesis_stream_arn
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

# Athena/Glue table over the hive layout:
#   {prefix}/log_type={t}/dt={yyyy-MM-dd}/hour={HH}/{shard}-{first seq}-{last seq}.gz
# Partition projection computes partitions from the template, so no crawler or MSCK REPAIR is needed.
resource "aws_glue_catalog_table" "logs" {
  count = var.glue_table.enabled ? 1 : 0

  name          = coalesce(var.glue_table.table_name, replace(var.name, "-", "_"))
  database_name = var.glue_table.database_name
  table_type    = "EXTERNAL_TABLE"
  description   = "Logs written by ${var.name} (Logway kinesis-to-s3, hive layout)."

  parameters = {
    EXTERNAL                      = "TRUE"
    "projection.enabled"          = "true"
    "projection.log_type.type"    = "enum"
    "projection.log_type.values"  = join(",", var.glue_table.log_types)
    "projection.dt.type"          = "date"
    "projection.dt.format"        = "yyyy-MM-dd"
    "projection.dt.range"         = "${var.glue_table.projection_from},NOW"
    "projection.dt.interval"      = "1"
    "projection.dt.interval.unit" = "DAYS"
    "projection.hour.type"        = "integer"
    "projection.hour.range"       = "0,23"
    "projection.hour.digits"      = "2"
    "storage.location.template"   = "s3://${var.log_bucket}/${local.log_prefix}log_type=$${log_type}/dt=$${dt}/hour=$${hour}"
  }

  partition_keys {
    name = "log_type"
    type = "string"
  }
  partition_keys {
    name = "dt"
    type = "string"
  }
  partition_keys {
    name = "hour"
    type = "string"
  }

  storage_descriptor {
    location      = "s3://${var.log_bucket}/${local.log_prefix}"
    input_format  = "org.apache.hadoop.mapred.TextInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    ser_de_info {
      name                  = "json"
      serialization_library = "org.openx.data.jsonserde.JsonSerDe"
      parameters = {
        "ignore.malformed.json" = "true"
      }
    }

    columns {
      name = var.log_id_field
      type = "string"
    }
    columns {
      name = var.log_timestamp_field
      type = "string"
    }
    dynamic "columns" {
      for_each = var.glue_table.columns
      content {
        name = columns.key
        type = columns.value
      }
    }
  }

  lifecycle {
    precondition {
      condition     = var.s3.key_layout == "hive"
      error_message = "glue_table.enabled needs s3.key_layout = \"hive\" (the Baikonur layout has no partition columns)."
    }
  }
}
