output "stream_name" {
  description = "Stream to write logs to."
  value       = aws_kinesis_stream.logs.name
}

output "athena_table" {
  description = "Glue/Athena table over the hive layout (database.table)."
  value       = "${aws_glue_catalog_database.logs.name}.${module.to_s3.glue_table_name}"
}

output "opensearch_role_arn" {
  description = "Role of the OpenSearch function: map it in the domain (fine-grained access control) or allow it in the domain policy."
  value       = module.to_opensearch.role_arn
}

output "domain_access_policy_statement" {
  description = "Statement to merge into the domain's access policy."
  value       = module.to_opensearch.domain_access_policy_statement
}
