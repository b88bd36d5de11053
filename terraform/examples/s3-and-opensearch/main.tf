# One stream, two destinations: every record goes to S3 (hive layout + Athena table) and to OpenSearch.
# Each destination has its own function and event source mapping, so one can fall behind without blocking the other.

locals {
  repository_root = "${path.module}/../../.."
}

resource "aws_kinesis_stream" "logs" {
  name             = var.stream_name
  retention_period = 48
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }

  tags = var.tags
}

resource "aws_glue_catalog_database" "logs" {
  name        = replace("${var.stream_name}_logs", "-", "_")
  description = "Athena database over the Logway S3 logs."
}

module "to_s3" {
  source = "../../modules/kinesis-to-s3"

  name                 = "${var.stream_name}-to-s3"
  kinesis_stream_arn   = aws_kinesis_stream.logs.arn
  log_bucket           = var.log_bucket
  log_path_prefix      = "logs"
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/to-s3"
  memory               = 1024
  s3 = {
    key_layout = "hive"
  }
  glue_table = {
    enabled       = true
    database_name = aws_glue_catalog_database.logs.name
    log_types     = ["app", "access", "audit"]
    columns       = { message = "string", level = "string" }
  }
  lambda_package_path = "${local.repository_root}/kinesis-to-s3/target/kinesis-to-s3-${var.logway_version}-lambda.zip"
  tags                = var.tags
}

module "to_opensearch" {
  source = "../../modules/kinesis-to-es"

  name                 = "${var.stream_name}-to-opensearch"
  kinesis_stream_arn   = aws_kinesis_stream.logs.arn
  elasticsearch_host   = var.opensearch_endpoint
  elasticsearch_arn    = var.opensearch_domain_arn
  index_name_prefix    = var.index_name_prefix
  failed_log_s3_bucket = var.log_bucket
  failed_log_s3_prefix = "failed/to-opensearch"
  memory               = 1024
  index_template = {
    install        = true
    retention_days = var.retention_days
  }
  lambda_package_path = "${local.repository_root}/kinesis-to-es/target/kinesis-to-es-${var.logway_version}-lambda.zip"
  tags                = var.tags
}
