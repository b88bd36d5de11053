variable "name" {
  description = "Name prefix of the role, filters, account policy and destination."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,48}$", var.name))
    error_message = "name must be 1-48 characters of letters, digits, _ and -."
  }
}

variable "destination_stream_arn" {
  description = "Kinesis stream that receives the log events (usually the router stream)."
  type        = string

  validation {
    condition     = can(regex("^arn:[a-z-]+:kinesis:[a-z0-9-]+:[0-9]{12}:stream/.+$", var.destination_stream_arn))
    error_message = "destination_stream_arn must be a Kinesis stream ARN."
  }
}

variable "destination_stream_kms_key_arn" {
  description = "KMS key of the stream's encryption with a customer managed key (CloudWatch Logs' role gets kms:GenerateDataKey on it); null otherwise."
  type        = string
  default     = null
}

variable "log_group_names" {
  description = "Log groups to subscribe one by one (a subscription filter each)."
  type        = list(string)
  default     = []
}

variable "filter_pattern" {
  description = "CloudWatch Logs filter pattern of the per-group filters and the account policy; \"\" forwards every event."
  type        = string
  default     = ""
}

variable "distribution" {
  description = "How events spread over shards: ByLogStream (keeps a stream's order) or Random."
  type        = string
  default     = "ByLogStream"

  validation {
    condition     = contains(["ByLogStream", "Random"], var.distribution)
    error_message = "distribution must be one of: ByLogStream, Random."
  }
}

variable "account_policy" {
  description = "Subscribe every log group of the account and region, present and future (aws_cloudwatch_log_account_policy, SUBSCRIPTION_FILTER_POLICY). excluded_log_groups: names kept out (at most 50), which must include the Logway functions' own log groups to avoid a feedback loop."
  type = object({
    enabled             = optional(bool, false)
    excluded_log_groups = optional(list(string), [])
  })
  default = {}

  validation {
    condition     = length(var.account_policy.excluded_log_groups) <= 50
    error_message = "account_policy.excluded_log_groups may hold at most 50 names (the CloudWatch Logs limit of selection criteria)."
  }
}

variable "cross_account_destination" {
  description = "Create a CloudWatch Logs destination in front of the stream so that other accounts can subscribe to it: source_account_ids may create subscription filters and account policies pointing at it."
  type = object({
    enabled            = optional(bool, false)
    source_account_ids = optional(list(string), [])
  })
  default = {}

  validation {
    condition     = alltrue([for id in var.cross_account_destination.source_account_ids : can(regex("^[0-9]{12}$", id))])
    error_message = "cross_account_destination.source_account_ids must be 12-digit AWS account ids."
  }
  validation {
    condition     = !var.cross_account_destination.enabled || length(var.cross_account_destination.source_account_ids) > 0
    error_message = "cross_account_destination.source_account_ids needs at least one account when enabled."
  }
}

variable "tags" {
  description = "Tags for every resource created."
  type        = map(string)
  default     = {}
}
