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

variable "alb_log_bucket" {
  description = "Existing bucket the load balancers write access logs to."
  type        = string
}

variable "alb_log_prefix" {
  description = "Prefix of the access logs in that bucket (the load balancer's access_logs prefix, then AWSLogs/)."
  type        = string
  default     = ""
}

variable "use_eventbridge" {
  description = "true: EventBridge notifications (the bucket's existing notifications are kept; turn on EventBridge delivery for the bucket). false: this configuration replaces the bucket's notification configuration."
  type        = bool
  default     = true
}

variable "log_bucket" {
  description = "Existing bucket for the parsed logs and the failed log."
  type        = string
}
