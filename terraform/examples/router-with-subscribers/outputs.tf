output "router_stream_name" {
  description = "Stream producers write to."
  value       = module.router.stream_name
}

output "subscriber_stream_arns" {
  description = "Target stream of each subscriber."
  value       = module.router.subscriber_stream_arns
}

output "forwarder_dlq_arns" {
  description = "On-failure destination of each forwarder."
  value       = module.router.forwarder_dlq_arns
}

output "cloudwatch_logs_role_arn" {
  description = "Role CloudWatch Logs uses to write into the router."
  value       = module.cloudwatch_logs.role_arn
}
