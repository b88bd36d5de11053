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
  description = "Existing S3 bucket that receives the logs."
  type        = string
}

variable "log_path_prefix" {
  description = "Key prefix of the log objects."
  type        = string
  default     = "logs"
}
