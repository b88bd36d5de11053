output "role_arn" {
  description = "ARN of the role CloudWatch Logs assumes to write into the stream."
  value       = aws_iam_role.cloudwatch_logs.arn
}

output "subscription_filter_log_groups" {
  description = "Log groups subscribed one by one."
  value       = sort(keys(aws_cloudwatch_log_subscription_filter.this))
}

output "account_policy_name" {
  description = "Name of the account-level subscription filter policy; null when account_policy.enabled is false."
  value       = one(aws_cloudwatch_log_account_policy.subscription[*].policy_name)
}

output "destination_arn" {
  description = "ARN of the cross-account CloudWatch Logs destination (source accounts point their filters at it); null when not created."
  value       = one(aws_cloudwatch_log_destination.cross_account[*].arn)
}
