output "stream_name" {
  description = "Stream to write logs to."
  value       = aws_kinesis_stream.logs.name
}

output "function_name" {
  description = "The kinesis-to-s3 function."
  value       = module.to_s3.function_name
}

output "dlq_arn" {
  description = "Where batches the function gave up on are kept (replay them with ./logway replay)."
  value       = module.to_s3.dlq_arn
}
