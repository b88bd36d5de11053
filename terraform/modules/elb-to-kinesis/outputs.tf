output "function_arn" {
  description = "ARN of the Lambda function."
  value       = module.function.function_arn
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = module.function.function_name
}

output "alias_arn" {
  description = "ARN of the function's `live` alias."
  value       = module.function.alias_arn
}

output "role_arn" {
  description = "ARN of the function's IAM role."
  value       = module.function.role_arn
}

output "event_source_mapping_uuid" {
  description = "UUID of the SQS event source mapping (null when enable_kinesis_mapping is false)."
  value       = module.function.event_source_mapping_uuid
}

output "queue_arn" {
  description = "ARN of the queue that receives the ObjectCreated notifications."
  value       = aws_sqs_queue.events.arn
}

output "queue_url" {
  description = "URL of the notification queue (the default continuation queue)."
  value       = aws_sqs_queue.events.id
}

output "dlq_arn" {
  description = "ARN of the notification queue's redrive dead-letter queue."
  value       = aws_sqs_queue.dlq.arn
}

output "dlq_url" {
  description = "URL of the redrive dead-letter queue."
  value       = aws_sqs_queue.dlq.id
}

output "environment" {
  description = "Environment variables given to the function (Logway's configuration, no secrets), for review."
  value       = local.environment
}
