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
  description = "UUID of the Kinesis event source mapping (null when enable_kinesis_mapping is false)."
  value       = module.function.event_source_mapping_uuid
}

output "dlq_arn" {
  description = "ARN of the on-failure destination (failed-batch DLQ: S3 bucket, SQS queue or SNS topic)."
  value       = module.function.on_failure_destination_arn
}

output "dlq_url" {
  description = "URL of the on-failure SQS queue when the module created one; null otherwise."
  value       = module.function.on_failure_queue_url
}

output "domain_access_policy_statement" {
  description = "JSON policy granting this function's role the domain paths it uses, to merge into the domain's access policy (managed domains with SigV4); null otherwise."
  value       = one(data.aws_iam_policy_document.domain_access[*].json)
}

output "environment" {
  description = "Environment variables given to the function (Logway's configuration, no secrets), for review."
  value       = local.environment
}
