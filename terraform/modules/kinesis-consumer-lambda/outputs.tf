output "function_arn" {
  description = "ARN of the function (unqualified)."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Name of the function."
  value       = aws_lambda_function.this.function_name
}

output "alias_arn" {
  description = "ARN of the `live` alias (what the event source mapping invokes when SnapStart is on)."
  value       = aws_lambda_alias.live.arn
}

output "role_arn" {
  description = "ARN of the function's IAM role."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Name of the function's IAM role (to attach more policies)."
  value       = aws_iam_role.this.name
}

output "log_group_name" {
  description = "CloudWatch Logs group of the function."
  value       = aws_cloudwatch_log_group.this.name
}

output "event_source_mapping_uuid" {
  description = "UUID of the event source mapping (Kinesis or SQS); null when enable_kinesis_mapping is false."
  value       = one(concat(aws_lambda_event_source_mapping.this[*].uuid, aws_lambda_event_source_mapping.sqs[*].uuid))
}

output "on_failure_destination_arn" {
  description = "ARN of the on-failure destination of the Kinesis mapping (the failed-batch DLQ: S3 bucket, SQS queue or SNS topic); null for an SQS source."
  value       = local.on_failure_arn
}

output "on_failure_queue_url" {
  description = "URL of the on-failure SQS queue when the module created it; null otherwise."
  value       = one(aws_sqs_queue.on_failure[*].url)
}

output "stream_consumer_arn" {
  description = "ARN of the enhanced fan-out consumer; null when event_source.enhanced_fan_out is false."
  value       = one(aws_kinesis_stream_consumer.this[*].arn)
}
