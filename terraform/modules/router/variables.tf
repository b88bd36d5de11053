variable "name" {
  description = "Name of the router stream; forwarders are named {name}-to-{subscriber}, created target streams {name}-{subscriber}."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,40}$", var.name))
    error_message = "name must be 1-40 characters of letters, digits, _ and - (leaves room for the -to-{subscriber} suffix of function names)."
  }
}

variable "stream" {
  description = "The router stream: mode ON_DEMAND (default) or PROVISIONED with shard_count; retention_period in hours (24-8760); kms_key_arn for server-side encryption with a customer managed key (null: alias/aws/kinesis)."
  type = object({
    mode             = optional(string, "ON_DEMAND")
    shard_count      = optional(number, 1)
    retention_period = optional(number, 24)
    kms_key_arn      = optional(string)
  })
  default = {}

  validation {
    condition     = contains(["ON_DEMAND", "PROVISIONED"], var.stream.mode)
    error_message = "stream.mode must be one of: ON_DEMAND, PROVISIONED."
  }
  validation {
    condition     = var.stream.retention_period >= 24 && var.stream.retention_period <= 8760
    error_message = "stream.retention_period must be from 24 to 8760 hours."
  }
}

variable "subscribers" {
  description = "One forwarder per entry. log_types: whitelist (empty: all). target_stream_name: an existing stream (name or ARN; with target_role_arn for another account); null creates {name}-{key} with create_stream settings. Other fields tune the forwarder."
  type = map(object({
    log_types          = list(string)
    target_stream_name = optional(string)
    target_role_arn    = optional(string)
    target_kms_key_arn = optional(string)
    create_stream = optional(object({
      mode             = optional(string, "ON_DEMAND")
      shard_count      = optional(number, 1)
      retention_period = optional(number, 24)
    }), {})
    batch_size    = optional(number, 100)
    memory        = optional(number, 256)
    timeout       = optional(number, 60)
    partition_key = optional(string, "source")
    output_format = optional(string, "record")
  }))
  default = {}

  validation {
    condition     = alltrue([for key, s in var.subscribers : can(regex("^[a-z0-9-]{1,20}$", key))])
    error_message = "subscriber keys must be 1-20 characters of lowercase letters, digits and hyphens."
  }
  validation {
    condition     = alltrue([for s in var.subscribers : contains(["ON_DEMAND", "PROVISIONED"], s.create_stream.mode)])
    error_message = "subscribers[*].create_stream.mode must be one of: ON_DEMAND, PROVISIONED."
  }
}

variable "failed_log_s3_bucket" {
  description = "S3 bucket for records the forwarders divert (env FAILED_LOG_S3_BUCKET)."
  type        = string
}

variable "failed_log_s3_prefix" {
  description = "Key prefix for diverted records; each forwarder writes under {prefix}/{forwarder name}."
  type        = string
  default     = "failed"
}

variable "log_type_field" {
  description = "Key name for log type (env LOG_TYPE_FIELD)."
  type        = string
  default     = "log_type"
}

variable "log_id_field" {
  description = "Key name for unique log ID (env LOG_ID_FIELD)."
  type        = string
  default     = "log_id"
}

variable "log_timestamp_field" {
  description = "Key name for log timestamp (env LOG_TIMESTAMP_FIELD)."
  type        = string
  default     = "time"
}

variable "on_failure" {
  description = "On-failure destination of every forwarder's mapping (type s3|sqs|sns; arn or null to create one per forwarder)."
  type = object({
    type           = optional(string, "s3")
    arn            = optional(string)
    retention_days = optional(number, 14)
  })
  default = {}
}

variable "alarms" {
  description = "Alarms of every forwarder (see modules/kinesis-consumer-lambda)."
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

variable "runtime" {
  description = "Java runtime of the forwarders: java17, java21 (default), java25."
  type        = string
  default     = "java21"
}

variable "architecture" {
  description = "Instruction set of the forwarders: x86_64 (default) or arm64."
  type        = string
  default     = "x86_64"
}

variable "lambda_package_path" {
  description = "Local kinesis-forward zip built by `mvn package`. Set exactly one package source."
  type        = string
  default     = null
}

variable "lambda_package_s3_bucket" {
  description = "S3 bucket of the kinesis-forward zip."
  type        = string
  default     = null
}

variable "lambda_package_s3_key" {
  description = "S3 key of the kinesis-forward zip."
  type        = string
  default     = null
}

variable "lambda_package_url" {
  description = "Release URL of the kinesis-forward zip, fetched at apply time."
  type        = string
  default     = null
}

variable "lambda_package_sha256" {
  description = "Base64 SHA-256 of the release zip (required with lambda_package_url)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags for every resource created."
  type        = map(string)
  default     = {}
}
