variable "region" {
  description = "AWS region to deploy to."
  type        = string
}

variable "logway_version" {
  description = "Version of the Maven-built zips to deploy from this checkout (run `mvn package` at the repository root first)."
  type        = string
  default     = "0.1.0-SNAPSHOT"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

variable "stream_name" {
  description = "Name of the Kinesis stream producers write JSON logs to."
  type        = string
  default     = "logs"
}

variable "log_bucket" {
  description = "Existing S3 bucket that receives the logs (and the failed log under failed/)."
  type        = string
}

variable "opensearch_endpoint" {
  description = "Endpoint of an existing OpenSearch Service domain (without https://)."
  type        = string
}

variable "opensearch_domain_arn" {
  description = "ARN of that domain."
  type        = string
}

variable "index_name_prefix" {
  description = "Index prefix: indices are {prefix}-{log_type}-{yyyyMMdd}."
  type        = string
  default     = "logs"
}

variable "retention_days" {
  description = "Delete indices older than this many days (ISM policy installed by the function)."
  type        = number
  default     = 14
}
