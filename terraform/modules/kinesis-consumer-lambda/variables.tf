# Internal module: one Java Lambda function fed by a Kinesis event source mapping. The public modules
# (kinesis-to-s3, kinesis-to-es, kinesis-forward) wrap it with their own environment and permissions.

variable "name" {
  description = "Function name; also the prefix of the role, log group, alarms and created on-failure destination."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 characters of letters, digits, hyphens and underscores (a Lambda function name)."
  }
}

variable "description" {
  description = "Function description."
  type        = string
  default     = ""
}

variable "handler" {
  description = "Java handler, `class::method` (for example io.github.logway.s3.KinesisToS3Handler::handleRequest)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z_$][A-Za-z0-9_$.]*::[A-Za-z_$][A-Za-z0-9_$]*$", var.handler))
    error_message = "handler must look like package.Class::method."
  }
}

variable "runtime" {
  description = "Lambda Java runtime."
  type        = string
  default     = "java21"

  validation {
    condition     = contains(["java17", "java21", "java25"], var.runtime)
    error_message = "runtime must be one of: java17, java21, java25."
  }
}

variable "architecture" {
  description = "Instruction set of the function."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be one of: x86_64, arm64."
  }
}

variable "memory" {
  description = "Function memory in MB (Baikonur's name and default). CPU share grows with memory: 1024 or more is recommended for Java."
  type        = number
  default     = 256

  validation {
    condition     = var.memory >= 128 && var.memory <= 10240 && floor(var.memory) == var.memory
    error_message = "memory must be a whole number of MB from 128 to 10240."
  }
}

variable "timeout" {
  description = "Function timeout in seconds (Baikonur's name and default)."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be from 1 to 900 seconds."
  }
}

variable "environment_variables" {
  description = "Environment of the function (the wrapper modules set the Logway variables here)."
  type        = map(string)
  default     = {}
}

variable "java_tool_options" {
  description = "JAVA_TOOL_OPTIONS. The default turns on the full tiered JIT (C2): Lambda stops at C1 by default, which starts faster but runs the hot path slower; C2 costs some cold-start CPU and memory and pays off on busy streams. Empty string leaves Lambda's default."
  type        = string
  default     = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4"
}

variable "snap_start" {
  description = "Enable SnapStart (published versions); the event source mapping then invokes the alias."
  type        = bool
  default     = false
}

variable "tracing_mode" {
  description = "X-Ray tracing mode (Baikonur's name and default)."
  type        = string
  default     = "PassThrough"

  validation {
    condition     = contains(["PassThrough", "Active"], var.tracing_mode)
    error_message = "tracing_mode must be one of: PassThrough, Active."
  }
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency; -1 means unreserved."
  type        = number
  default     = -1
}

variable "vpc_config" {
  description = "Run the function in a VPC (subnets need a route to the services it calls). null: no VPC."
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

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of: 0 (never expire), 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key ARN that encrypts the function's log group (the key policy must allow CloudWatch Logs). null: AWS-owned key."
  type        = string
  default     = null
}

variable "lambda_package_path" {
  description = "Local path of the function zip built by `mvn package` (<module>/target/<module>-<version>-lambda.zip). One of lambda_package_path, lambda_package_s3_bucket/_key or lambda_package_url must be set."
  type        = string
  default     = null
}

variable "lambda_package_s3_bucket" {
  description = "S3 bucket holding the function zip (with lambda_package_s3_key)."
  type        = string
  default     = null
}

variable "lambda_package_s3_key" {
  description = "S3 key of the function zip (with lambda_package_s3_bucket)."
  type        = string
  default     = null
}

variable "lambda_package_s3_object_version" {
  description = "Object version of the zip in a versioned bucket; null: the current version."
  type        = string
  default     = null
}

variable "lambda_package_url" {
  description = "URL of a release zip (Baikonur's name), downloaded at apply time by curl and checked against lambda_package_sha256."
  type        = string
  default     = null
}

variable "lambda_package_sha256" {
  description = "Base64 SHA-256 of the zip (`openssl dgst -sha256 -binary f.zip | openssl base64 -A`, as published with each release). Required with lambda_package_url; optional with S3 (redeploys when it changes)."
  type        = string
  default     = null

  validation {
    condition     = var.lambda_package_sha256 == null || can(regex("^[A-Za-z0-9+/]{43}=$", var.lambda_package_sha256))
    error_message = "lambda_package_sha256 must be a base64 SHA-256 (44 characters ending in =)."
  }
}

variable "kinesis_stream_arn" {
  description = "ARN of the source Kinesis stream. Exactly one of kinesis_stream_arn and sqs_event_source is set."
  type        = string
  default     = null

  validation {
    condition     = var.kinesis_stream_arn == null || can(regex("^arn:[a-z-]+:kinesis:[a-z0-9-]+:[0-9]{12}:stream/.+$", coalesce(var.kinesis_stream_arn, "x")))
    error_message = "kinesis_stream_arn must be a Kinesis stream ARN (arn:<partition>:kinesis:<region>:<account>:stream/<name>)."
  }
}

variable "sqs_event_source" {
  description = "Feed the function from an SQS queue instead of a stream (elb-to-kinesis): queue ARN, batch size (1-10000, default 10), batching window, maximum concurrency (2-1000, null: unlimited). The role may also send to the queue (continuation messages). Failures go to the queue's own redrive DLQ, not to on_failure."
  type = object({
    queue_arn                          = string
    batch_size                         = optional(number, 10)
    maximum_batching_window_in_seconds = optional(number, 0)
    maximum_concurrency                = optional(number)
  })
  default = null

  validation {
    condition     = var.sqs_event_source == null || try(var.sqs_event_source.batch_size >= 1 && var.sqs_event_source.batch_size <= 10000, false)
    error_message = "sqs_event_source.batch_size must be from 1 to 10000."
  }
  validation {
    condition     = var.sqs_event_source == null || try(var.sqs_event_source.maximum_concurrency == null || (var.sqs_event_source.maximum_concurrency >= 2 && var.sqs_event_source.maximum_concurrency <= 1000), false)
    error_message = "sqs_event_source.maximum_concurrency must be null (unlimited) or from 2 to 1000."
  }
}

variable "kinesis_kms_key_arn" {
  description = "KMS key ARN of the source stream's server-side encryption; grants kms:Decrypt on it. null: the stream is unencrypted or uses the AWS managed key."
  type        = string
  default     = null
}

variable "enable_kinesis_mapping" {
  description = "Create the event source mapping (Baikonur's name). false deploys the function without consuming."
  type        = bool
  default     = true
}

variable "event_source" {
  description = "Event source mapping settings. Retries and record age are bounded (never -1) so a poisoned batch reaches the on-failure destination instead of blocking the shard."
  type = object({
    batch_size                         = optional(number, 100)
    maximum_batching_window_in_seconds = optional(number, 0)
    starting_position                  = optional(string, "TRIM_HORIZON")
    starting_position_timestamp        = optional(string)
    parallelization_factor             = optional(number, 1)
    maximum_retry_attempts             = optional(number, 10)
    maximum_record_age_in_seconds      = optional(number, 86400)
    bisect_batch_on_function_error     = optional(bool, true)
    enhanced_fan_out                   = optional(bool, false)
  })
  default = {}

  validation {
    condition     = var.event_source.batch_size >= 1 && var.event_source.batch_size <= 10000
    error_message = "event_source.batch_size must be from 1 to 10000."
  }
  validation {
    condition     = var.event_source.maximum_batching_window_in_seconds >= 0 && var.event_source.maximum_batching_window_in_seconds <= 300
    error_message = "event_source.maximum_batching_window_in_seconds must be from 0 to 300."
  }
  validation {
    condition     = contains(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"], var.event_source.starting_position)
    error_message = "event_source.starting_position must be one of: TRIM_HORIZON, LATEST, AT_TIMESTAMP."
  }
  validation {
    condition     = (var.event_source.starting_position == "AT_TIMESTAMP") == (var.event_source.starting_position_timestamp != null)
    error_message = "event_source.starting_position_timestamp (RFC 3339) is required with AT_TIMESTAMP and allowed only with it."
  }
  validation {
    condition     = var.event_source.parallelization_factor >= 1 && var.event_source.parallelization_factor <= 10
    error_message = "event_source.parallelization_factor must be from 1 to 10."
  }
  validation {
    condition     = var.event_source.maximum_retry_attempts >= 0 && var.event_source.maximum_retry_attempts <= 10000
    error_message = "event_source.maximum_retry_attempts must be from 0 to 10000 (-1, infinite, is not allowed)."
  }
  validation {
    condition     = var.event_source.maximum_record_age_in_seconds >= 60 && var.event_source.maximum_record_age_in_seconds <= 604800
    error_message = "event_source.maximum_record_age_in_seconds must be from 60 to 604800 (-1, infinite, is not allowed)."
  }
}

variable "on_failure" {
  description = "Where the event source mapping sends a batch it gives up on. type: s3 (default), sqs or sns. arn: an existing bucket/queue/topic; null creates a bucket (s3) or queue (sqs) named after the function. An SNS topic must be given (notifications only, not replayable)."
  type = object({
    type           = optional(string, "s3")
    arn            = optional(string)
    retention_days = optional(number, 14)
  })
  default = {}

  validation {
    condition     = contains(["s3", "sqs", "sns"], var.on_failure.type)
    error_message = "on_failure.type must be one of: s3, sqs, sns."
  }
  validation {
    condition     = var.on_failure.type != "sns" || var.on_failure.arn != null
    error_message = "on_failure.arn is required when on_failure.type is sns (the module does not create topics)."
  }
  validation {
    condition     = var.on_failure.retention_days >= 1 && (var.on_failure.type != "sqs" || var.on_failure.retention_days <= 14)
    error_message = "on_failure.retention_days must be at least 1 (at most 14 for sqs, the SQS maximum)."
  }
}

variable "alarms" {
  description = "CloudWatch alarms: iterator age (lag), errors, throttles, and on-failure deliveries (SQS queue depth or SNS publishes). sns_topic_arn receives alarm and OK notifications."
  type = object({
    enabled                    = optional(bool, true)
    sns_topic_arn              = optional(string)
    iterator_age_threshold_ms  = optional(number, 600000)
    errors_threshold           = optional(number, 1)
    throttles_threshold        = optional(number, 1)
    period_seconds             = optional(number, 300)
    evaluation_periods         = optional(number, 1)
  })
  default = {}

  validation {
    condition     = contains([10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600], var.alarms.period_seconds)
    error_message = "alarms.period_seconds must be one of: 10, 30, 60, 120, 180, 300, 600, 900, 1800, 3600 (longer periods must be a multiple of 60: use 3600 or less here)."
  }
}

variable "policy_statements" {
  description = "Extra IAM statements for the function's role (the destination's permissions, set by the wrapper modules). Wildcard actions and a bare \"*\" resource are refused."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.policy_statements : alltrue([for a in s.actions : !strcontains(a, "*")]) && !contains(s.resources, "*")])
    error_message = "policy_statements may not use wildcard actions (such as es:*) or the resource \"*\"."
  }
}

variable "tags" {
  description = "Tags for every resource the module creates (Baikonur's name)."
  type        = map(string)
  default     = {}
}
