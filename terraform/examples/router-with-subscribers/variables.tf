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

variable "router_name" {
  description = "Name of the router stream."
  type        = string
  default     = "log-router"
}

variable "log_bucket" {
  description = "Existing S3 bucket for the archive subscriber's logs and every function's failed log."
  type        = string
}

variable "search_team_stream_arn" {
  description = "Existing stream of the search team (their own consumers read it)."
  type        = string
}

variable "subscribed_log_groups" {
  description = "CloudWatch Logs groups to send to the router one by one."
  type        = list(string)
  default     = []
}

variable "subscribe_whole_account" {
  description = "Also subscribe every log group of the account and region with an account-level policy (Logway's own log groups are excluded)."
  type        = bool
  default     = false
}
