variable "name" {
  description = "Resource name: the function, its role, log group and alarms are named after it (Baikonur's name)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 characters of letters, digits, hyphens and underscores (a Lambda function name)."
  }
}

variable "source_stream_name" {
  description = "Source Kinesis stream: name in this account and region, or ARN (Baikonur's name)."
  type        = string
}

variable "target_stream_name" {
  description = "Target Kinesis stream: name in this account and region, or ARN (Baikonur's name; env TARGET_STREAM_NAME)."
  type        = string
}

variable "target_role_arn" {
  description = "Role to assume to write to a stream in another account (env TARGET_ROLE_ARN); the function gets sts:AssumeRole on it only. null: write with the function's role."
  type        = string
  default     = null
}

variable "target_kms_key_arn" {
  description = "KMS key of the target stream's encryption (grants kms:GenerateDataKey on it); null when unencrypted or AWS managed, or when target_role_arn is used."
  type        = string
  default     = null
}

variable "kinesis_max_retries" {
  description = "PutRecords retries for failed entries before the rest stays behind the checkpoint (Baikonur's name; env KINESIS_MAX_RETRIES). null: the function's default."
  type        = number
  default     = null
}

variable "partition_key" {
  description = "Partition key of forwarded records: source (keep the original, default), log_id, random (env PARTITION_KEY)."
  type        = string
  default     = "source"

  validation {
    condition     = contains(["source", "log_id", "random"], var.partition_key)
    error_message = "partition_key must be one of: source, log_id, random."
  }
}

variable "output_format" {
  description = "record: each log record as its own Kinesis record (default); passthrough: matching input records unchanged (env OUTPUT_FORMAT)."
  type        = string
  default     = "record"

  validation {
    condition     = contains(["record", "passthrough"], var.output_format)
    error_message = "output_format must be one of: record, passthrough."
  }
}

variable "failed_log_s3_bucket" {
  description = "S3 bucket for diverted records (Baikonur's name; env FAILED_LOG_S3_BUCKET)."
  type        = string
}

variable "failed_log_s3_prefix" {
  description = "Key prefix for diverted records (Baikonur's name; env FAILED_LOG_S3_PREFIX). The role may write only under it."
  type        = string
  default     = "failed"
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

variable "log_type_unknown_prefix" {
  description = "Accepted so a Baikonur configuration keeps working, and ignored here: records that fail validation go to the failed log (failed_log_s3_bucket) under their reject reason."
  type        = string
  default     = "unknown"
}

variable "timezone" {
  description = "Accepted so a Baikonur configuration keeps working, and ignored: the forwarder does not partition by time."
  type        = string
  default     = "UTC"
}
