output "stream_arn" {
  description = "ARN of the router stream (producers, CloudWatch Logs subscriptions and elb-to-kinesis write here)."
  value       = aws_kinesis_stream.router.arn
}

output "stream_name" {
  description = "Name of the router stream."
  value       = aws_kinesis_stream.router.name
}

output "subscriber_stream_arns" {
  description = "Target stream ARN of each subscriber (created or existing), by subscriber key."
  value       = { for key, forwarder in module.forwarder : key => forwarder.target_stream_arn }
}

output "forwarder_function_arns" {
  description = "Forwarder function ARN by subscriber key."
  value       = { for key, forwarder in module.forwarder : key => forwarder.function_arn }
}

output "forwarder_role_arns" {
  description = "Forwarder IAM role ARN by subscriber key."
  value       = { for key, forwarder in module.forwarder : key => forwarder.role_arn }
}

output "forwarder_event_source_mapping_uuids" {
  description = "Forwarder event source mapping UUID by subscriber key."
  value       = { for key, forwarder in module.forwarder : key => forwarder.event_source_mapping_uuid }
}

output "forwarder_dlq_arns" {
  description = "On-failure destination ARN of each forwarder, by subscriber key."
  value       = { for key, forwarder in module.forwarder : key => forwarder.dlq_arn }
}
