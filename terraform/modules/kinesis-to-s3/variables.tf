variable "name" {
  description = "Resource name: the function, its role, log group and alarms are named after it (Baikonur's name)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 characters of letters, digits, hyphens and underscores (a Lambda function name)."
  }
}

variable "kinesis_stream_arn" {
  description = "ARN of the source Kinesis stream (Baikonur's name)."
  type        = string
}

variable "log_bucket" {
  description = "Target S3 bucket to save logs to (Baikonur's name; env LOG_S3_BUCKET)."
  type        = string
}

variable "log_path_prefix" {
  description = "Key prefix of the log objects, without a trailing slash (Baikonur's name; env LOG_S3_PREFIX). The role may write only under it."
  type        = string
  default     = ""

  validation {
    condition     = !endswith(var.log_path_prefix, "/") && !startswith(var.log_path_prefix, "/")
    error_message = "log_path_prefix must not start or end with a slash (for example logs or logs/app)."
  }
}

variable "log_type_unknown_prefix" {
  description = "Prefix (under log_path_prefix) for records that fail validation when no failed-log bucket is set (Baikonur's name and default; env LOG_TYPE_UNKNOWN_PREFIX)."
  type        = string
  default     = "unknown"
}

variable "timezone" {
  description = "tz database name used to partition keys by day/hour (Baikonur's name and default). Sets env TIMEZONE: Lambda reserves TZ."
  type        = string
  default     = "UTC"
}

variable "failed_log_s3_bucket" {
  description = "Bucket for diverted records (env FAILED_LOG_S3_BUCKET); null keeps Baikonur's behaviour: log_path_prefix/log_type_unknown_prefix in log_bucket."
  type        = string
  default     = null
}

variable "failed_log_s3_prefix" {
  description = "Key prefix for diverted records in failed_log_s3_bucket (env FAILED_LOG_S3_PREFIX)."
  type        = string
  default     = "failed"
}

variable "s3" {
  description = "Object settings: key_layout baikonur|hive (env S3_KEY_LAYOUT), compression gzip|zstd|none, compression_level, sse_kms_key_arn (grants kms:GenerateDataKey/Decrypt on it), storage_class, max_object_bytes (split above), upload_concurrency."
  type = object({
    key_layout         = optional(string, "baikonur")
    compression        = optional(string, "gzip")
    compression_level  = optional(number)
    sse_kms_key_arn    = optional(string)
    storage_class      = optional(string)
    max_object_bytes   = optional(number)
    upload_concurrency = optional(number)
  })
  default = {}

  validation {
    condition     = contains(["baikonur", "hive"], var.s3.key_layout)
    error_message = "s3.key_layout must be one of: baikonur, hive."
  }
  validation {
    condition     = contains(["gzip", "zstd", "none"], var.s3.compression)
    error_message = "s3.compression must be one of: gzip, zstd, none."
  }
  validation {
    condition = var.s3.compression_level == null || (
      var.s3.compression == "gzip" ? try(var.s3.compression_level >= 1 && var.s3.compression_level <= 9, false) :
      var.s3.compression == "zstd" ? try(var.s3.compression_level >= 1 && var.s3.compression_level <= 19, false) : false
    )
    error_message = "s3.compression_level must be 1-9 for gzip, 1-19 for zstd, and unset (null) for none."
  }
  validation {
    condition     = var.s3.storage_class == null || contains(["STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"], upper(coalesce(var.s3.storage_class, "STANDARD")))
    error_message = "s3.storage_class must be one of: STANDARD, REDUCED_REDUNDANCY, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER, DEEP_ARCHIVE, GLACIER_IR (any case)."
  }
  validation {
    condition     = var.s3.sse_kms_key_arn == null || can(regex("^arn:[a-z-]+:kms:", coalesce(var.s3.sse_kms_key_arn, "x")))
    error_message = "s3.sse_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:...), so the role can be granted on it."
  }
}

variable "glue_table" {
  description = "Create an Athena/Glue table over the hive layout with partition projection (log_type enum, dt date, hour). Needs s3.key_layout = hive. columns: the JSON fields to expose besides log_id and time."
  type = object({
    enabled         = optional(bool, false)
    database_name   = optional(string)
    table_name      = optional(string)
    log_types       = optional(list(string), [])
    columns         = optional(map(string), {})
    projection_from = optional(string, "2026-01-01")
  })
  default = {}

  validation {
    condition     = !var.glue_table.enabled || (var.glue_table.database_name != null && length(var.glue_table.log_types) > 0)
    error_message = "glue_table needs database_name and at least one entry in log_types (the enum partition projection) when enabled."
  }
  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.glue_table.projection_from))
    error_message = "glue_table.projection_from must be a date yyyy-MM-dd."
  }
}

variable "batch_size" {
  description = "Maximum number of records passed to one invocation (Baikonur's name)."
  type        = number
  default     = 100
}

variable "starting_position" {
  description = "Where a new event source mapping starts reading: TRIM_HORIZON, LATEST or AT_TIMESTAMP (Baikonur's name and default)."
  type        = string
  default     = "TRIM_HORIZON"

  validation {
    condition     = contains(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"], var.starting_position)
    error_message = "starting_position must be one of: TRIM_HORIZON, LATEST, AT_TIMESTAMP."
  }
}

variable "enable_kinesis_mapping" {
  description = "Create the event source mapping (Baikonur's name). false deploys the function without consuming."
  type        = bool
  default     = true
}

variable "event_source" {
  description = "Further event source mapping settings (batching window, parallelization, bounded retries and record age, bisect, enhanced fan-out, AT_TIMESTAMP start). See modules/kinesis-consumer-lambda for defaults and allowed values."
  type = object({
    maximum_batching_window_in_seconds = optional(number, 0)
    starting_position_timestamp        = optional(string)
    parallelization_factor             = optional(number, 1)
    maximum_retry_attempts             = optional(number, 10)
    maximum_record_age_in_seconds      = optional(number, 86400)
    bisect_batch_on_function_error     = optional(bool, true)
    enhanced_fan_out                   = optional(bool, false)
  })
  default = {}
}

variable "kinesis_kms_key_arn" {
  description = "KMS key of the source stream's encryption (grants kms:Decrypt on it); null when unencrypted or AWS managed."
  type        = string
  default     = null
}

variable "on_failure" {
  description = "On-failure destination of the event source mapping: type s3 (default), sqs or sns; arn of an existing one, or null to create a bucket (s3) or queue (sqs); retention_days of what is created."
  type = object({
    type           = optional(string, "s3")
    arn            = optional(string)
    retention_days = optional(number, 14)
  })
  default = {}
}

variable "alarms" {
  description = "CloudWatch alarms (iterator age, errors, throttles, failed batches) and the SNS topic they notify. See modules/kinesis-consumer-lambda."
  type = object({
    enabled                   = optional(bool, true)
    sns_topic_arn             = optional(string)
    iterator_age_threshold_ms = optional(number, 600000)
    errors_threshold          = optional(number, 1)
    throttles_threshold       = optional(number, 1)
    period_seconds            = optional(number, 300)
    evaluation_periods        = optional(number, 1)
  })
  default = {}
}

variable "log_id_field" {
  description = "Key name for unique log ID (Baikonur's name; env LOG_ID_FIELD)."
  type        = string
  default     = "log_id"
}

variable "log_type_field" {
  description = "Key name for log type (Baikonur's name; env LOG_TYPE_FIELD)."
  type        = string
  default     = "log_type"
}

variable "log_timestamp_field" {
  description = "Key name for log timestamp (Baikonur's name; env LOG_TIMESTAMP_FIELD)."
  type        = string
  default     = "time"
}

variable "log_type_field_whitelist" {
  description = "Log types to process; empty processes all (Baikonur's name; env LOG_TYPE_WHITELIST)."
  type        = list(string)
  default     = []
}

variable "processing" {
  description = "Record rules shared by every function (env MAX_TIME_SKEW_FUTURE/PAST as ISO-8601 durations, CWL_METADATA_FIELD, CWL_TEXT_MODE reject|wrap, CWL_LOG_TYPE_MAP as ordered log-group glob to log_type pairs, DEADLINE_MARGIN_MS, MAX_RECORD_BYTES, LOG_LEVEL)."
  type = object({
    max_time_skew_future = optional(string, "P7D")
    max_time_skew_past   = optional(string, "P3650D")
    cwl_metadata_field   = optional(string, "")
    cwl_text_mode        = optional(string, "reject")
    cwl_log_type_map = optional(list(object({
      log_group = string
      log_type  = string
    })), [])
    deadline_margin_ms = optional(number, 5000)
    max_record_bytes   = optional(number, 1048576)
    log_level          = optional(string, "INFO")
  })
  default = {}

  validation {
    condition     = contains(["reject", "wrap"], var.processing.cwl_text_mode)
    error_message = "processing.cwl_text_mode must be one of: reject, wrap."
  }
  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.processing.log_level)
    error_message = "processing.log_level must be one of: DEBUG, INFO, WARN, ERROR."
  }
  validation {
    condition     = can(regex("^P", var.processing.max_time_skew_future)) && can(regex("^P", var.processing.max_time_skew_past))
    error_message = "processing.max_time_skew_future and max_time_skew_past must be ISO-8601 durations such as P7D or PT12H."
  }
}

variable "runtime" {
  description = "Lambda Java runtime: java17, java21 (default) or java25. A Baikonur python3.x value is accepted and means the default."
  type        = string
  default     = "java21"
}

variable "architecture" {
  description = "Instruction set: x86_64 (default) or arm64."
  type        = string
  default     = "x86_64"
}

variable "memory" {
  description = "Function memory in MB (Baikonur's name and default). 1024 or more is recommended for Java: CPU grows with memory."
  type        = number
  default     = 256
}

variable "timeout" {
  description = "Function timeout in seconds (Baikonur's name and default)."
  type        = number
  default     = 60
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS; the default enables the full tiered JIT (see modules/kinesis-consumer-lambda README for the cold-start trade-off). Empty string: Lambda's default."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4"
}

variable "snap_start" {
  description = "Enable SnapStart; the event source mapping then invokes the `live` alias."
  type        = bool
  default     = false
}

variable "tracing_mode" {
  description = "X-Ray tracing mode: PassThrough or Active (Baikonur's name and default)."
  type        = string
  default     = "PassThrough"
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency of the function; -1 means unreserved."
  type        = number
  default     = -1
}

variable "vpc_config" {
  description = "Subnets and security groups to run the function in a VPC; null: no VPC."
  type = object({
    subnet_ids         = list(string)
    security_group_ids = list(string)
  })
  default = null
}

variable "log_retention_in_days" {
  description = "Retention of the function's log group (Baikonur's name and default)."
  type        = number
  default     = 30
}

variable "lambda_package_path" {
  description = "Local zip built by `mvn package` (MODULE/target/MODULE-VERSION-lambda.zip). Set exactly one of lambda_package_path, lambda_package_s3_bucket + _key, lambda_package_url."
  type        = string
  default     = null
}

variable "lambda_package_s3_bucket" {
  description = "S3 bucket of the function zip (with lambda_package_s3_key)."
  type        = string
  default     = null
}

variable "lambda_package_s3_key" {
  description = "S3 key of the function zip (with lambda_package_s3_bucket)."
  type        = string
  default     = null
}

variable "lambda_package_url" {
  description = "Release zip URL (Baikonur's name), downloaded at apply time and checked against lambda_package_sha256."
  type        = string
  default     = null
}

variable "lambda_package_sha256" {
  description = "Base64 SHA-256 of the release zip, as published with the release; required with lambda_package_url."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource created (Baikonur's name)."
  type        = map(string)
  default     = {}
}

variable "handler" {
  description = "Accepted so a Baikonur configuration keeps working, and ignored: the handler is this module's Java class."
  type        = string
  default     = null
}
