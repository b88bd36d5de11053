locals {
  created_targets = { for key, s in var.subscribers : key => s if s.target_stream_name == null }
}

resource "aws_kinesis_stream" "router" {
  name             = var.name
  shard_count      = var.stream.mode == "PROVISIONED" ? var.stream.shard_count : null
  retention_period = var.stream.retention_period
  encryption_type  = "KMS"
  kms_key_id       = coalesce(var.stream.kms_key_arn, "alias/aws/kinesis")

  stream_mode_details {
    stream_mode = var.stream.mode
  }

  tags = var.tags
}

resource "aws_kinesis_stream" "target" {
  for_each = local.created_targets

  name             = "${var.name}-${each.key}"
  shard_count      = each.value.create_stream.mode == "PROVISIONED" ? each.value.create_stream.shard_count : null
  retention_period = each.value.create_stream.retention_period
  encryption_type  = "KMS"
  kms_key_id       = coalesce(var.stream.kms_key_arn, "alias/aws/kinesis")

  stream_mode_details {
    stream_mode = each.value.create_stream.mode
  }

  tags = var.tags
}

module "forwarder" {
  source   = "../kinesis-forward"
  for_each = var.subscribers

  name                     = "${var.name}-to-${each.key}"
  source_stream_name       = aws_kinesis_stream.router.arn
  target_stream_name       = each.value.target_stream_name != null ? each.value.target_stream_name : aws_kinesis_stream.target[each.key].arn
  target_role_arn          = each.value.target_role_arn
  target_kms_key_arn       = each.value.target_stream_name != null ? each.value.target_kms_key_arn : var.stream.kms_key_arn
  kinesis_kms_key_arn      = var.stream.kms_key_arn
  log_type_field_whitelist = each.value.log_types
  log_type_field           = var.log_type_field
  log_id_field             = var.log_id_field
  log_timestamp_field      = var.log_timestamp_field
  partition_key            = each.value.partition_key
  output_format            = each.value.output_format
  batch_size               = each.value.batch_size
  memory                   = each.value.memory
  timeout                  = each.value.timeout
  runtime                  = var.runtime
  architecture             = var.architecture
  failed_log_s3_bucket     = var.failed_log_s3_bucket
  failed_log_s3_prefix     = "${trimsuffix(var.failed_log_s3_prefix, "/")}/${var.name}-to-${each.key}"
  on_failure               = var.on_failure
  alarms                   = var.alarms

  lambda_package_path      = var.lambda_package_path
  lambda_package_s3_bucket = var.lambda_package_s3_bucket
  lambda_package_s3_key    = var.lambda_package_s3_key
  lambda_package_url       = var.lambda_package_url
  lambda_package_sha256    = var.lambda_package_sha256

  tags = var.tags
}
