variable "name" {
  description = "Resource name: the function, its role, log group and alarms are named after it (Baikonur's name)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 characters of letters, digits, hyphens and underscores (a Lambda function name)."
  }
}

variable "log_bucket_name" {
  description = "S3 bucket the load balancers write their access logs to."
  type        = string
}

variable "log_prefix" {
  description = "Key prefix of the access logs in log_bucket_name (\"\" = whole bucket); the notification filter and the role's s3:GetObject grant are limited to it."
  type        = string
  default     = ""
}

variable "log_bucket_kms_key_arn" {
  description = "KMS key encrypting the log bucket (grants kms:Decrypt on it); null for SSE-S3, which is what ALB access logs support."
  type        = string
  default     = null
}

variable "eventbridge" {
  description = "false: the module writes the bucket's notification configuration (aws_s3_bucket_notification REPLACES any existing notifications of the bucket). true: an EventBridge rule feeds the queue instead and the bucket's notifications are left alone; EventBridge delivery must be turned on for the bucket (see README)."
  type        = bool
  default     = false
}

variable "target_stream_name" {
  description = "Kinesis stream the log lines go to, usually the router stream: name in this account and region, or ARN (env TARGET_STREAM_NAME)."
  type        = string
}

variable "target_kms_key_arn" {
  description = "KMS key of the target stream's encryption with a customer managed key (grants kms:GenerateDataKey); null otherwise."
  type        = string
  default     = null
}

variable "alb_log_type" {
  description = "log_type of Application Load Balancer lines (env ALB_LOG_TYPE)."
  type        = string
  default     = "alb"
}

variable "elb_log_type" {
  description = "log_type of Classic Load Balancer lines (env ELB_LOG_TYPE)."
  type        = string
  default     = "elb"
}

variable "partition_key" {
  description = "Partition key of the records put: client_ip (default) or random (env PARTITION_KEY)."
  type        = string
  default     = "client_ip"

  validation {
    condition     = contains(["client_ip", "random"], var.partition_key)
    error_message = "partition_key must be one of: client_ip, random."
  }
}

variable "failed_log_s3_bucket" {
  description = "S3 bucket for lines that do not parse (env FAILED_LOG_S3_BUCKET)."
  type        = string
}

variable "failed_log_s3_prefix" {
  description = "Key prefix for diverted lines (env FAILED_LOG_S3_PREFIX); the role may write only under it."
  type        = string
  default     = "failed"
}

variable "batch_size" {
  description = "SQS messages per invocation (1-10000; above 10 needs a batching window)."
  type        = number
  default     = 10
}

variable "queue" {
  description = "The notification queue: visibility_timeout_seconds (null: 6 x timeout, as AWS recommends for Lambda sources), max_receive_count before a message moves to the redrive DLQ, dlq_retention_days (1-14), maximum_batching_window_in_seconds, maximum_concurrency (2-1000, null: unlimited)."
  type = object({
    visibility_timeout_seconds         = optional(number)
    max_receive_count                  = optional(number, 5)
    dlq_retention_days                 = optional(number, 14)
    maximum_batching_window_in_seconds = optional(number, 0)
    maximum_concurrency                = optional(number)
  })
  default = {}

  validation {
    condition     = var.queue.max_receive_count >= 1 && var.queue.max_receive_count <= 1000
    error_message = "queue.max_receive_count must be from 1 to 1000."
  }
  validation {
    condition     = var.queue.dlq_retention_days >= 1 && var.queue.dlq_retention_days <= 14
    error_message = "queue.dlq_retention_days must be from 1 to 14 (the SQS maximum)."
  }
}

variable "alarms" {
  description = "Alarms: errors and throttles of the function, and any message in the redrive DLQ; sns_topic_arn receives them."
  type = object({
    enabled             = optional(bool, true)
    sns_topic_arn       = optional(string)
    errors_threshold    = optional(number, 1)
    throttles_threshold = optional(number, 1)
    period_seconds      = optional(number, 300)
    evaluation_periods  = optional(number, 1)
  })
  default = {}
}

variable "enable_kinesis_mapping" {
  description = "Create the SQS event source mapping (name shared with the Kinesis modules). false deploys the function without consuming."
  type        = bool
  default     = true
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
  description = "Lambda Java runtime: java17, java21 (default) or java25 (Baikonur's name; its Python runtimes do not apply)."
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
  description = "Function timeout in seconds. Large files continue in a new invocation (continuation message), so this bounds one invocation, not one file."
  type        = number
  default     = 300
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
