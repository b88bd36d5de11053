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

variable "elasticsearch_host" {
  description = "Endpoint of the domain or collection, with or without https:// and port (Baikonur's name; env ES_HOST)."
  type        = string
}

variable "elasticsearch_arn" {
  description = "ARN of the OpenSearch domain (es) or Serverless collection (aoss) (Baikonur's name). Scopes the role's es:ESHttp* / aoss:APIAccessAll grant; null with es_auth basic or none."
  type        = string
  default     = null
}

variable "index_name_prefix" {
  description = "Prefix of index names, {prefix}-{log_type}-{yyyyMMdd} (Baikonur's name; env INDEX_NAME_PREFIX)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_.-]*$", var.index_name_prefix))
    error_message = "index_name_prefix must be lowercase letters, digits, _ . - and must not start with _ - or +."
  }
}

variable "timezone" {
  description = "tz database name for the date in index names (Baikonur's name and default). Sets env TIMEZONE: Lambda reserves TZ."
  type        = string
  default     = "UTC"
}

variable "es_auth" {
  description = "How requests authenticate: sigv4 (default), basic, none (env ES_AUTH)."
  type        = string
  default     = "sigv4"

  validation {
    condition     = contains(["sigv4", "basic", "none"], var.es_auth)
    error_message = "es_auth must be one of: sigv4, basic, none."
  }
}

variable "es_sigv4_service" {
  description = "SigV4 service: es (managed OpenSearch/Elasticsearch domain, default) or aoss (OpenSearch Serverless) (env ES_SIGV4_SERVICE)."
  type        = string
  default     = "es"

  validation {
    condition     = contains(["es", "aoss"], var.es_sigv4_service)
    error_message = "es_sigv4_service must be one of: es, aoss."
  }
}

variable "es_basic_secret_arn" {
  description = "Secrets Manager secret with username/password for es_auth = basic (env ES_BASIC_SECRET_ARN); the role may read only it."
  type        = string
  default     = null
}

variable "es_document_id" {
  description = "Document id: log_id (idempotent, default) or none (needed by Serverless time-series collections, which refuse client ids) (env ES_DOCUMENT_ID)."
  type        = string
  default     = "log_id"

  validation {
    condition     = contains(["log_id", "none"], var.es_document_id)
    error_message = "es_document_id must be one of: log_id, none."
  }
}

variable "bulk" {
  description = "_bulk request limits: max_bytes (env BULK_MAX_BYTES, default 10 MiB), max_actions (BULK_MAX_ACTIONS, 500), gzip (BULK_GZIP), request_timeout_ms (ES_REQUEST_TIMEOUT_MS). null keeps the function's default."
  type = object({
    max_bytes          = optional(number)
    max_actions        = optional(number)
    gzip               = optional(bool)
    request_timeout_ms = optional(number)
  })
  default = {}
}

variable "index_template" {
  description = "install: put the index template (time as date, log_type/log_id as keyword) at cold start (env ES_INSTALL_TEMPLATE); retention_days: delete indices older than this with ISM/ILM, 0 = off (env ES_RETENTION_DAYS; Serverless uses the collection's lifecycle policy instead)."
  type = object({
    install        = optional(bool, true)
    retention_days = optional(number, 0)
  })
  default = {}

  validation {
    condition     = var.index_template.retention_days >= 0
    error_message = "index_template.retention_days must be 0 (off) or more."
  }
}

variable "domain_access_policy" {
  description = "Create aws_opensearch_domain_policy granting this role ESHttpGet/Post/Put on the paths it uses. WARNING: it replaces the domain's whole access policy; leave false and merge the `domain_access_policy_statement` output into your own policy if the domain has one."
  type        = bool
  default     = false
}

variable "serverless_data_access_policy" {
  description = "For es_sigv4_service = aoss: create an OpenSearch Serverless data access policy that lets this role create and write the {index_name_prefix}-* indices of collection_name."
  type = object({
    enabled         = optional(bool, true)
    collection_name = optional(string)
    policy_name     = optional(string)
  })
  default = {}
}

variable "failed_log_s3_bucket" {
  description = "S3 bucket for diverted records (ES API errors, mapping conflicts) (Baikonur's name; env FAILED_LOG_S3_BUCKET)."
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
