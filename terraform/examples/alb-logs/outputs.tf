output "queue_url" {
  description = "Queue receiving the ObjectCreated notifications."
  value       = module.alb_to_kinesis.queue_url
}

output "dlq_url" {
  description = "Redrive dead-letter queue of notifications that failed repeatedly."
  value       = module.alb_to_kinesis.dlq_url
}

output "stream_name" {
  description = "Stream that receives one JSON record per access log line."
  value       = aws_kinesis_stream.access_logs.name
}
